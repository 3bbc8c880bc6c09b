package io.parallelplan.core.prompt;

import io.parallelplan.core.scaffold.ScaffoldKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The prompts of a batch and the achievements refused, each with its reason, decided before anything is written.
 *
 * @param kind SUBPLAN or EXECUTION_TASK prompts
 * @param planName the plan name used in file names
 * @param folder the plan folder
 * @param prompts in batch order
 * @param refusals in batch order
 */
public record PromptBatch(ScaffoldKind kind, String planName, Path folder, List<Prompt> prompts,
        List<Refusal> refusals) {
    public PromptBatch {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(planName, "planName cannot be null");
        Objects.requireNonNull(folder, "folder cannot be null");
        prompts = List.copyOf(prompts);
        refusals = List.copyOf(refusals);
    }

    /** {@code "SUBPLAN"} or {@code "EXECUTION_TASK"}: the kind of file the prompts ask for. */
    public String fileKind() {
        return kind == ScaffoldKind.SUBPLANS ? "SUBPLAN" : "EXECUTION_TASK";
    }

    /**
     * All prompts as one Markdown document: a numbered index, then each prompt after a rule and a
     * "Prompt i of n" line; each prompt's text is exactly the text of its file.
     */
    public String document() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(fileKind()).append(" prompts for plan ").append(planName).append(": ")
                .append(prompts.size()).append(prompts.size() == 1 ? " achievement" : " achievements").append("\n\n");
        sb.append("One prompt per achievement, separated by rules. One executor takes them in this order; several can"
                + " take one each.\n\n");
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            sb.append(i + 1).append(". ").append(PromptText.reference(p.id(), p.title())).append(": writes ")
                    .append(PromptText.code(p.target())).append('\n');
        }
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            sb.append("\n---\n\n**Prompt ").append(i + 1).append(" of ").append(prompts.size()).append("**: ")
                    .append(PromptText.code(p.id())).append("\n\n").append(p.text());
        }
        return sb.toString();
    }

    /**
     * One prompt.
     *
     * @param id the achievement
     * @param title its title
     * @param target the file the prompt asks to create, relative to the plan folder (the name {@code scaffold} uses)
     * @param fileName the prompt's own file name: {@code PROMPT_} and the target's file name
     * @param text the Markdown
     */
    public record Prompt(String id, String title, String target, String fileName, String text) {}

    /**
     * An achievement whose prompt is not made.
     *
     * @param id the achievement
     * @param reason why (all reasons, separated by "; ")
     */
    public record Refusal(String id, String reason) {}
}
