package io.parallelplan.core.prompt;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.PlanFiles;
import io.parallelplan.core.report.Escape;
import io.parallelplan.core.status.PlanStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Markdown of one prompt. Text from the plan never shapes the document: titles and names are escaped
 * ({@link Escape#markdown}), ids and paths are code spans, and the PLAN's section and the SUBPLAN are quoted in fences
 * longer than any backtick run they hold, so a hostile heading, fence or HTML tag in them stays text.
 */
final class PromptText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./,:=@%+-]+");

    private final String plan;
    private final String folder;
    private final String workspaceRoot;
    private final String markdownName;
    private final Map<String, PlanStatus.Entry> entries;

    /**
     * @param markdownName the PLAN markdown's file name, or {@code null} when the folder has none
     * @param entries every achievement's status by id
     */
    PromptText(PlanStatus status, String markdownName, Map<String, PlanStatus.Entry> entries) {
        this.plan = status.planName();
        this.folder = status.folder().folder().toString();
        this.workspaceRoot = status.folder().workspaceRoot().toString();
        this.markdownName = markdownName;
        this.entries = entries;
    }

    /** The prompt that asks for an achievement's SUBPLAN. */
    String subplan(Achievement a, PlanStatus.Entry e, List<PlanStatus.Entry> deps, List<String> dependents,
            String section, String target) {
        String number = PlanFiles.number(a.id());
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# SUBPLAN prompt: ").append(reference(a.id(), e.title())).append("\n\n");
        sb.append("You are the executor of achievement ").append(code(a.id())).append(" of the plan ")
                .append(text(plan)).append(". Your task is to write its SUBPLAN, the design of the work, as one new"
                        + " file: ").append(code(target)).append(". Do not start the work itself: it follows the"
                        + " design in an EXECUTION_TASK, once the SUBPLAN is written and read.\n\n");
        common(sb, a, e, deps, dependents, section, readFirst(e, deps, List.of(), target));
        sb.append("## The file to write: ").append(code(target)).append("\n\n");
        sb.append("A SUBPLAN is the design of one achievement: what will be done, in which order, and how a reviewer"
                + " will know it is done. It changes no code. Its parts, in this order (the outline"
                + " `parallel-plan scaffold subplans` writes):\n\n");
        sb.append("1. The heading ").append(code("# SUBPLAN " + plan + " " + a.id() + ": " + title(e.title())))
                .append(", then a short list: the achievement, its estimate, its dependencies, and the files that"
                        + " follow it (").append(code(PlanFiles.EXECUTION + "/EXECUTION_TASK_" + plan + "_" + number
                        + "_01.md")).append(", closed by ").append(code(PlanFiles.approved(number))).append(").\n");
        sb.append("2. `## What the PLAN asks`: the goal and every deliverable of the section above, in your own"
                + " words.\n");
        sb.append("3. `## Approach`: the design in a few steps: what changes, where, in which order, and why this"
                + " way.\n");
        sb.append("4. `## Risks and open questions`: what could make the estimate (").append(a.estimate().describe())
                .append(") wrong; what must be decided first.\n");
        sb.append("5. `## Executions`: one EXECUTION_TASK per independent piece of work, ")
                .append(code("EXECUTION_TASK_" + plan + "_" + number + "_01")).append(", ")
                .append(code("_02")).append(", ...; pieces that do not need each other can be done in parallel.\n");
        sb.append("6. `## Done when`: the checks a reviewer runs before writing ").append(code(PlanFiles.approved(
                number))).append(": commands, tests, files that must exist.\n\n");
        sb.append("Stay inside the PLAN's scope for this achievement. Where the PLAN is unclear or seems wrong, say so"
                + " under \"Risks and open questions\" instead of guessing. Write only this file.\n\n");
        sb.append("## When you are done\n\n");
        sb.append("The new SUBPLAN moves ").append(code(a.id())).append(" to `subplan_created` (")
                .append(code("parallel-plan status " + quote(folder))).append(" shows it). The next step is the"
                        + " work: ").append(code("parallel-plan prompt execution " + quote(folder) + " --ids "
                        + a.id())).append(" makes its prompt.\n");
        return sb.toString();
    }

    /** The prompt that asks for an achievement's first EXECUTION_TASK, following its SUBPLAN. */
    String execution(Achievement a, PlanStatus.Entry e, List<PlanStatus.Entry> deps, List<String> dependents,
            String section, String target, String subplan, String design) {
        String number = PlanFiles.number(a.id());
        StringBuilder sb = new StringBuilder(4096 + design.length());
        sb.append("# EXECUTION_TASK prompt: ").append(reference(a.id(), e.title())).append("\n\n");
        sb.append("You are the executor of achievement ").append(code(a.id())).append(" of the plan ")
                .append(text(plan)).append(". Your task is to do the work its SUBPLAN ").append(code(subplan))
                .append(" designs, and to record it in one new file: ").append(code(target)).append(".\n\n");
        common(sb, a, e, deps, dependents, section, readFirst(e, deps, List.of(subplan), target));
        sb.append("## The SUBPLAN it follows: ").append(code(subplan)).append("\n\n");
        sb.append(Escape.markdownFence(design.isBlank() ? "(the SUBPLAN is empty)" : design, "markdown"))
                .append('\n');
        sb.append("## The file to write: ").append(code(target)).append("\n\n");
        sb.append("An EXECUTION_TASK is the record of one piece of the work the SUBPLAN designs: its steps, what"
                + " happened, and the result. Do the work in the project as the SUBPLAN says, and keep this file"
                + " up to date as you go. Its parts, in this order (the outline `parallel-plan scaffold executions`"
                + " writes):\n\n");
        sb.append("1. The heading ").append(code("# EXECUTION_TASK " + plan + " " + a.id() + " #01: "
                + title(e.title()))).append(", then a short list: the achievement, its design (").append(code(subplan))
                .append("), its estimate, its dependencies.\n");
        sb.append("2. `## What the PLAN asks`: the section above, quoted or summed up.\n");
        sb.append("3. `## Steps`: the SUBPLAN's approach as a checklist (`- [ ]`); tick each step when it is done.\n");
        sb.append("4. `## Log`: dated notes: what was tried, what happened, what was decided. Where the SUBPLAN turns"
                + " out wrong, say so here and make the smallest change that works; do not redesign silently.\n");
        sb.append("5. `## Result`: what was delivered, and how it was checked against the SUBPLAN's \"Done"
                + " when\".\n\n");
        sb.append("If the SUBPLAN splits the work into several executions, this file is the first (`_01`); the others"
                + " (`_02`, ...) follow the same rules in their own files. Do only this achievement's work.\n\n");
        sb.append("## The feedback loop\n\n");
        sb.append("1. When the work is done and checked, ask for a review. The reviewer, not you, writes ")
                .append(code(PlanFiles.approved(number))).append(" (done) or ").append(code(PlanFiles.fix(number)))
                .append(" (what to change).\n");
        sb.append("2. On a FIX: read it, make the changes, log them in ").append(code(target)).append(", write ")
                .append(code(resolution(number))).append(" saying how each point was answered, and ask for a"
                        + " review again. The achievement stays `failed` until an APPROVED follows.\n");
        sb.append("3. Only ").append(code(PlanFiles.approved(number))).append(" closes ").append(code(a.id()))
                .append("; then ").append(dependents.isEmpty() ? "the plan has nothing more waiting on it"
                        : "what waits on it can start: " + ids(dependents)).append(". ")
                .append(code("parallel-plan status " + quote(folder))).append(" shows where things stand.\n");
        return sb.toString();
    }

    /** {@code execution/feedbacks/FIX_<nn>_RESOLUTION.md}: how a FIX was answered. */
    static String resolution(String number) {
        return PlanFiles.FEEDBACKS + "/FIX_" + number + "_RESOLUTION.md";
    }

    /** An id as a code span, then its escaped title. */
    static String reference(String id, String title) {
        return code(id) + " " + text(title(title));
    }

    static String code(String s) {
        return Escape.markdownCode(s);
    }

    private static String text(String s) {
        return Escape.markdown(s);
    }

    /** A title as prompts show it: without surrounding white space, {@code (untitled)} when there is none. */
    private static String title(String title) {
        return title.isBlank() ? "(untitled)" : title.strip();
    }

    private void common(StringBuilder sb, Achievement a, PlanStatus.Entry e, List<PlanStatus.Entry> deps,
            List<String> dependents, String section, List<String> readFirst) {
        sb.append("Paths are relative to the plan folder ").append(code(folder)).append("; the project's files are"
                + " under the workspace root ").append(code(workspaceRoot)).append(".\n\n");

        sb.append("## The achievement\n\n");
        sb.append("- **Id**: ").append(code(a.id())).append('\n');
        sb.append("- **Title**: ").append(text(title(e.title()))).append('\n');
        sb.append("- **Plan**: ").append(text(plan)).append('\n');
        sb.append("- **Estimate**: ").append(text(a.estimate().describe())).append('\n');
        sb.append("- **Level**: ").append(e.level()).append(" (level 0 depends on nothing)\n");
        sb.append("- **Status now**: `").append(e.status().label()).append("`\n");
        sb.append("- **Its files so far**: ").append(e.files().isEmpty() ? "none" : codes(e.files())).append('\n');
        sb.append("- **Waiting on it**: ").append(dependents.isEmpty() ? "nothing" : ids(dependents)).append("\n\n");

        sb.append("## Dependencies\n\n");
        List<String> notDone = new ArrayList<>();
        if (deps.isEmpty()) {
            sb.append("None: this achievement depends on nothing and can start at once.\n\n");
        } else {
            for (PlanStatus.Entry d : deps) {
                List<String> reviews = d.files().stream().filter(f -> f.startsWith(PlanFiles.FEEDBACKS + "/"))
                        .toList();
                sb.append("- ").append(reference(d.id(), d.title())).append(": `").append(d.status().label())
                        .append('`').append(d.decidingFile().map(f -> " (" + code(f) + ")").orElse(""))
                        .append("; reviews: ").append(reviews.isEmpty() ? "none yet" : codes(reviews)).append('\n');
                if (!d.status().isDone()) {
                    notDone.add(d.id());
                }
            }
            sb.append('\n');
            if (notDone.isEmpty()) {
                sb.append("All of them are done (APPROVED or SKIPPED): build on what they delivered.\n\n");
            } else {
                sb.append("**Not done yet**: ").append(ids(notDone)).append(". This prompt was made with"
                        + " `--ignore-deps`: build on what the PLAN says they will deliver, write down what you"
                        + " assume, and check it again once they are APPROVED.\n\n");
            }
        }

        sb.append("## Read first\n\n");
        for (int i = 0; i < readFirst.size(); i++) {
            sb.append(i + 1).append(". ").append(readFirst.get(i)).append('\n');
        }
        sb.append('\n');

        sb.append("## What the PLAN says\n\n");
        if (markdownName == null) {
            sb.append("The plan folder has no PLAN markdown (`PLAN_<NAME>.md`): the title above, from ")
                    .append("`parallel.json`, is all the plan says about this achievement.\n\n");
        } else if (section == null || section.isBlank()) {
            sb.append(code(markdownName)).append(" has no section for ").append(code(a.id()))
                    .append(": the title above is all it says about this achievement.\n\n");
        } else {
            sb.append("The section of ").append(code(markdownName)).append(" for ").append(code(a.id()))
                    .append(", as written:\n\n").append(Escape.markdownFence(section, "markdown")).append('\n');
        }
    }

    /** The files to read before starting: the PLAN, the given ones, the achievement's own, its dependencies'. */
    private List<String> readFirst(PlanStatus.Entry e, List<PlanStatus.Entry> deps, List<String> design,
            String target) {
        List<String> items = new ArrayList<>();
        for (String d : design) {
            items.add(code(d) + ": the design you follow (quoted below); its Executions and Done when say what this"
                    + " file covers and when it is finished.");
        }
        items.add(markdownName == null
                ? "`parallel.json`: the plan's achievements and dependencies (the folder has no PLAN markdown)."
                : code(markdownName) + ": the whole plan, for its goal and the achievements around this one (this"
                        + " one's section is quoted below).");
        for (String f : e.files()) {
            if (!f.equals(target) && !design.contains(f)) {
                items.add(code(f) + ": " + ROLES[rank(f)] + " this achievement, written earlier.");
            }
        }
        for (PlanStatus.Entry d : deps) {
            List<String> files = new ArrayList<>(d.files());
            files.sort(Comparator.comparingInt(PromptText::rank));
            for (String f : files) {
                items.add(code(f) + ": " + ROLES[rank(f)] + " dependency " + code(d.id()) + ".");
            }
        }
        return items;
    }

    private static final String[] ROLES = {"the design of", "a record of the work on", "the review that approved",
        "a review that asked for changes to", "how a FIX was answered for", "why it was decided to skip"};

    /** Where a file comes in the methodology's order: SUBPLAN, EXECUTION_TASK, APPROVED, FIX, resolution, SKIPPED. */
    private static int rank(String file) {
        String name = Path.of(file).getFileName().toString();
        if (name.startsWith("SUBPLAN_")) {
            return 0;
        }
        if (name.startsWith("EXECUTION_TASK_")) {
            return 1;
        }
        if (name.startsWith("APPROVED_")) {
            return 2;
        }
        if (name.endsWith("_RESOLUTION.md")) {
            return 4;
        }
        return name.startsWith("FIX_") ? 3 : 5;
    }

    private String ids(List<String> ids) {
        List<String> parts = new ArrayList<>(ids.size());
        for (String id : ids) {
            PlanStatus.Entry e = entries.get(id);
            parts.add(e == null ? code(id) : code(id) + " (" + text(title(e.title())) + ")");
        }
        return String.join(", ", parts);
    }

    private static String codes(List<String> files) {
        return String.join(", ", files.stream().map(PromptText::code).toList());
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
