package io.parallelplan.core.discover;

/**
 * The "parallel discovery prompt": a ready-to-paste request asking a language model to produce the
 * {@code parallel.json} of a PLAN, with the plan's achievements and sections, the format, and the rules it must
 * follow.
 */
public final class DiscoveryPrompt {
    /** The prompt text for a discovered plan. */
    public String render(DiscoveredPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("You are helping plan work that several people (or agents) will do in parallel.\n")
                .append("Read the achievements of the plan \"").append(plan.name())
                .append("\" below and produce its parallel.json: the dependency graph of its achievements.\n\n");
        sb.append("## Rules\n")
                .append("1. An achievement depends on another only if it cannot start before the other is complete ")
                .append("(it needs its code, data, decision or document). Shared topic is not a dependency.\n")
                .append("2. Use only the ids listed below; never add or rename achievements.\n")
                .append("3. Do not add an edge that another edge already implies (if 1.3 needs 1.2 and 1.2 needs ")
                .append("1.1, 1.3 does not list 1.1).\n")
                .append("4. No cycles.\n")
                .append("5. Where the plan text states dependencies, keep them unless they are clearly wrong; ")
                .append("say so in \"analysis_notes\" when you change one.\n")
                .append("6. For every dependency you add that the text does not state, give the reason in ")
                .append("\"analysis_notes\".\n")
                .append("7. Answer with the JSON only.\n\n");
        sb.append("## Format\n")
                .append("```json\n")
                .append("{\n")
                .append("  \"plan_name\": \"").append(plan.name()).append("\",\n")
                .append("  \"parallelization_level\": \"level_2\",\n")
                .append("  \"achievements\": [\n")
                .append("    {\"achievement_id\": \"1.1\", \"title\": \"...\", \"priority\": 1,\n")
                .append("     \"estimated_hours\": \"2-3\", \"dependencies\": []}\n")
                .append("  ],\n")
                .append("  \"analysis_notes\": \"why each dependency you added exists\"\n")
                .append("}\n")
                .append("```\n")
                .append("`estimated_hours` is a number or a range string such as \"4-6\"; `dependencies` lists ids.\n\n");
        sb.append("## Achievements (").append(plan.achievements().size()).append(")\n\n");
        for (DiscoveredAchievement a : plan.achievements()) {
            sb.append("### ").append(a.id()).append(": ").append(a.title()).append('\n');
            sb.append("- Estimate: ").append(a.estimate().isPresent() ? a.estimate().raw() + " h" : "not given")
                    .append('\n');
            if (a.priority() != null) {
                sb.append("- Priority: ").append(a.priority()).append('\n');
            }
            sb.append("- Stated dependencies: ")
                    .append(!a.stated() ? "none stated in the text"
                            : a.dependencies().isEmpty() ? "None" : String.join(", ", a.dependencies()))
                    .append("\n\n");
            if (!a.section().isEmpty()) {
                sb.append(a.section()).append("\n\n");
            }
        }
        return sb.toString();
    }
}
