package io.parallelplan.cli.run;

import java.util.Objects;

/**
 * The {@code --exec} template: a shell command in which {@code {id}}, {@code {nn}}, {@code {title}} and
 * {@code {plan}} are replaced by the achievement's id (a sub-execution's as {@code 2.1/2.1.1}), its id without dots, its title and the plan's name, each
 * shell-quoted so that a title such as {@code x'; rm -rf ~ #} stays one harmless word. Other braces are left as
 * written (so {@code ${HOME}} still works).
 */
public final class ExecTemplate {
    private final String template;

    public ExecTemplate(String template) {
        this.template = Objects.requireNonNull(template, "template cannot be null");
        if (template.isBlank()) {
            throw new IllegalArgumentException("--exec needs a command, e.g. --exec 'make {nn}'");
        }
    }

    /** The template as the user wrote it. */
    public String template() {
        return template;
    }

    /** The command for one achievement (the template itself when it has no placeholder: one string for all). */
    public String expand(String id, String title, String planName) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i + 1);
                if (close > 0) {
                    String value = value(template.substring(i + 1, close), id, title, planName);
                    if (value != null) {
                        out.append(ShellQuote.quote(value));
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String value(String name, String id, String title, String planName) {
        return switch (name) {
            case "id" -> id;
            case "nn" -> withoutDots(id);
            case "title" -> title;
            case "plan" -> planName;
            default -> null;
        };
    }

    /**
     * The id as plan folders spell it in file names: without dots ({@code 1.1} → {@code 11}); for a sub-execution
     * ({@code 2.1/2.1.1}) that of its own id ({@code 211}).
     */
    static String withoutDots(String id) {
        return id.substring(id.lastIndexOf('/') + 1).replace(".", "");
    }
}
