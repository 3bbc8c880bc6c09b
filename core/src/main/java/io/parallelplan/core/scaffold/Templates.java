package io.parallelplan.core.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SUBPLAN and EXECUTION_TASK templates: built in, or {@code SUBPLAN.md} / {@code EXECUTION_TASK.md} from a
 * folder. Placeholders are {@code {{plan}}, {{id}}, {{number}}, {{title}}, {{dependencies}}, {{estimate}},
 * {{section}}, {{subplan}}}; any other {@code {{name}}} is refused when the template is loaded.
 */
final class Templates {
    static final Set<String> PLACEHOLDERS =
            Set.of("plan", "id", "number", "title", "dependencies", "estimate", "section", "subplan");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_]+)\\s*}}");

    private final String subplan;
    private final String executionTask;

    private Templates(String subplan, String executionTask) {
        this.subplan = subplan;
        this.executionTask = executionTask;
    }

    /** The templates to use: the folder's where it has them, else the built-in ones. */
    static Templates load(Path folder) {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ScaffoldException(folder + ": no such templates folder; pass a folder holding SUBPLAN.md and/or"
                    + " EXECUTION_TASK.md");
        }
        return new Templates(read(folder, "SUBPLAN.md"), read(folder, "EXECUTION_TASK.md"));
    }

    String template(ScaffoldKind kind) {
        return kind == ScaffoldKind.SUBPLANS ? subplan : executionTask;
    }

    /** Fills a template; placeholders were checked on loading. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 256);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String read(Path folder, String name) {
        if (folder != null && Files.isRegularFile(folder.resolve(name))) {
            Path file = folder.resolve(name);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ScaffoldException(file + ": cannot read the template: " + e.getMessage());
            }
            Set<String> unknown = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    unknown.add("{{" + m.group(1) + "}}");
                }
            }
            if (!unknown.isEmpty()) {
                throw new ScaffoldException(file + ": unknown placeholder(s) " + String.join(", ", unknown)
                        + "; use {{plan}}, {{id}}, {{number}}, {{title}}, {{dependencies}}, {{estimate}},"
                        + " {{section}} or {{subplan}}");
            }
            return text;
        }
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
