package io.parallelplan.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.scaffold.ScaffoldException;
import io.parallelplan.core.scaffold.ScaffoldKind;
import io.parallelplan.core.scaffold.ScaffoldPreview;
import io.parallelplan.core.scaffold.ScaffoldRequest;
import io.parallelplan.core.scaffold.Scaffolder;
import io.parallelplan.core.testing.PlanFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrompterTest {
    @TempDir
    Path tmp;

    private static final String MARKDOWN = """
            # PLAN: P

            **Achievement 1.1: Parser** ⏱️ 2-3 hours
            - **Dependencies**: None
            - Parse the input into tokens.

            **Achievement 1.2: Printer**
            - **Dependencies**: None

            **Achievement 2.1: Report**
            - **Dependencies**: 1.1, 1.2
            - Print a report of the tokens.

            **Achievement 2.2: Export**
            - **Dependencies**: 1.2
            """;

    private PlanFolders plan() {
        return PlanFolders.in(tmp, "P")
                .achievement("1.1", "Parser", 3, List.of())
                .achievement("1.2", "Printer", 1, List.of())
                .achievement("2.1", "Report", 2, List.of("1.1", "1.2"))
                .achievement("2.2", "Export", 1, List.of("1.2"))
                .write("PLAN_P.md", MARKDOWN);
    }

    private static PromptRequest subplans() {
        return new PromptRequest(ScaffoldKind.SUBPLANS, null, List.of(), false, null);
    }

    private static PromptRequest level(ScaffoldKind kind, int level, boolean ignoreDeps) {
        return new PromptRequest(kind, level, List.of(), ignoreDeps, null);
    }

    private static PromptRequest ids(ScaffoldKind kind, String... ids) {
        return new PromptRequest(kind, null, List.of(ids), false, null);
    }

    @Test
    void shouldMakeSubplanPromptsForWhatCanBeDoneNowByDefault() {
        Path folder = plan().write();

        PromptBatch batch = new Prompter().prepare(folder, subplans());

        assertThat(batch.refusals()).isEmpty();
        assertThat(batch.prompts()).extracting(PromptBatch.Prompt::id).containsExactly("1.1", "1.2");
        PromptBatch.Prompt first = batch.prompts().get(0);
        assertThat(first.target()).isEqualTo("subplans/SUBPLAN_P_11.md");
        assertThat(first.fileName()).isEqualTo("PROMPT_SUBPLAN_P_11.md");
        assertThat(first.text()).startsWith("# SUBPLAN prompt: `1.1` Parser\n")
                .contains("as one new file: `subplans/SUBPLAN_P_11.md`", "- **Estimate**: 3 hours",
                        "- Parse the input into tokens.", "None: this achievement depends on nothing",
                        "- **Waiting on it**: `2.1` (Report)", "1. `PLAN_P.md`: the whole plan",
                        "`# SUBPLAN P 1.1: Parser`", "`parallel-plan prompt execution " + folder + " --ids 1.1`");
    }

    @Test
    void shouldAskForTheVeryFilesScaffoldWouldCreate() {
        Path folder = plan().files("subplans/SUBPLAN_P_11.md", "subplans/SUBPLAN_P_12.md",
                "execution/feedbacks/APPROVED_11.md", "execution/feedbacks/APPROVED_12.md",
                "subplans/SUBPLAN_P_21.md").write();
        for (ScaffoldKind kind : ScaffoldKind.values()) {
            PromptBatch batch = new Prompter().prepare(folder, level(kind, 1, true));
            ScaffoldPreview scaffold = new Scaffolder().preview(folder, new ScaffoldRequest(kind, 1, List.of(), null));

            assertThat(batch.prompts()).extracting(PromptBatch.Prompt::target)
                    .isNotEmpty()
                    .containsExactlyElementsOf(scaffold.creations().stream().map(ScaffoldPreview.Creation::path)
                            .toList());
            batch.prompts().forEach(p -> assertThat(p.fileName())
                    .isEqualTo("PROMPT_" + Path.of(p.target()).getFileName()));
        }
    }

    @Test
    void shouldChooseByIdsInTheOrderGivenOrByLevel() {
        Path folder = plan().write();
        Prompter prompter = new Prompter();

        assertThat(prompter.prepare(folder, ids(ScaffoldKind.SUBPLANS, "1.2", "1.1", "1.2")).prompts())
                .extracting(PromptBatch.Prompt::id).containsExactly("1.2", "1.1");
        PromptBatch level1 = prompter.prepare(folder, level(ScaffoldKind.SUBPLANS, 1, true));
        assertThat(level1.prompts()).extracting(PromptBatch.Prompt::id).containsExactly("2.1", "2.2");
    }

    @Test
    void shouldRefuseUnknownIdsHostileIdsAndLevelsOutOfRange() {
        Path folder = plan().write();
        Prompter prompter = new Prompter();

        assertThatThrownBy(() -> prompter.prepare(folder, ids(ScaffoldKind.SUBPLANS, "9.9")))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("\"9.9\" is not an achievement of P");
        assertThatThrownBy(() -> prompter.prepare(folder, ids(ScaffoldKind.SUBPLANS, "../x")))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("outside the plan folder");
        assertThatThrownBy(() -> prompter.prepare(folder, level(ScaffoldKind.SUBPLANS, 2, false)))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("level 2 does not exist; P has levels 0 to 1");
    }

    @Test
    void shouldRefuseAchievementsWhoseDependenciesAreNotDoneUnlessIgnored() {
        Path folder = plan().files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/FIX_12.md",
                "subplans/SUBPLAN_P_12.md").write();

        PromptBatch strict = new Prompter().prepare(folder, level(ScaffoldKind.SUBPLANS, 1, false));
        PromptBatch ignoring = new Prompter().prepare(folder, level(ScaffoldKind.SUBPLANS, 1, true));

        assertThat(strict.prompts()).isEmpty();
        assertThat(strict.refusals()).containsExactly(
                new PromptBatch.Refusal("2.1", "not all dependencies are done (APPROVED or SKIPPED): 1.2 (failed:"
                        + " execution/feedbacks/FIX_12.md); finish them first, or pass --ignore-deps"),
                new PromptBatch.Refusal("2.2", "not all dependencies are done (APPROVED or SKIPPED): 1.2 (failed:"
                        + " execution/feedbacks/FIX_12.md); finish them first, or pass --ignore-deps"));
        assertThat(ignoring.refusals()).isEmpty();
        assertThat(ignoring.prompts().get(0).text())
                .contains("- `1.1` Parser: `complete` (`execution/feedbacks/APPROVED_11.md`)",
                        "- `1.2` Printer: `failed` (`execution/feedbacks/FIX_12.md`); reviews:"
                                + " `execution/feedbacks/FIX_12.md`",
                        "**Not done yet**: `1.2` (Printer). This prompt was made with `--ignore-deps`");
    }

    @Test
    void shouldRefuseWhatIsDoneOrWhoseFileExistsWithScaffoldsReasons() {
        Path folder = plan().files("execution/feedbacks/APPROVED_11.md", "subplans/SUBPLAN_P_12.md").write();

        PromptBatch batch = new Prompter().prepare(folder, level(ScaffoldKind.SUBPLANS, 0, false));

        assertThat(batch.prompts()).isEmpty();
        assertThat(batch.refusals()).containsExactly(
                new PromptBatch.Refusal("1.1", "already complete (execution/feedbacks/APPROVED_11.md)"),
                new PromptBatch.Refusal("1.2", "exists: subplans/SUBPLAN_P_12.md"));
    }

    @Test
    void shouldGiveEveryReasonOfOneRefusal() {
        Path folder = plan().write();

        PromptBatch batch = new Prompter().prepare(folder, ids(ScaffoldKind.EXECUTIONS, "2.1"));

        assertThat(batch.refusals()).singleElement().satisfies(r -> assertThat(r.reason())
                .startsWith("prerequisite missing: subplans/SUBPLAN_P_21.md")
                .contains("; not all dependencies are done (APPROVED or SKIPPED): 1.1 (not_started), 1.2"
                        + " (not_started)"));
    }

    @Test
    void shouldPointAFailedAchievementToItsFixInsteadOfANewExecution() {
        Path folder = plan().files("subplans/SUBPLAN_P_11.md", "execution/EXECUTION_TASK_P_11_01.md",
                "execution/feedbacks/FIX_11.md").write();

        PromptBatch batch = new Prompter().prepare(folder, ids(ScaffoldKind.EXECUTIONS, "1.1"));

        assertThat(batch.refusals()).singleElement().extracting(PromptBatch.Refusal::reason).isEqualTo(
                "exists: execution/EXECUTION_TASK_P_11_01.md (it failed review: answer execution/feedbacks/FIX_11.md"
                        + " in its EXECUTION_TASK, write execution/feedbacks/FIX_11_RESOLUTION.md and ask for a review"
                        + " again)");
    }

    @Test
    void shouldQuoteTheSubplanAnExecutionPromptFollowsAndItsFeedbackLoop() {
        Path folder = plan().write("subplans/SUBPLAN_P_11.md", "# SUBPLAN P 1.1\n\n## Approach\nA lexer.\n")
                .write();

        PromptBatch batch = new Prompter().prepare(folder, ids(ScaffoldKind.EXECUTIONS, "1.1"));

        PromptBatch.Prompt p = batch.prompts().get(0);
        assertThat(p.target()).isEqualTo("execution/EXECUTION_TASK_P_11_01.md");
        assertThat(p.fileName()).isEqualTo("PROMPT_EXECUTION_TASK_P_11_01.md");
        assertThat(p.text()).startsWith("# EXECUTION_TASK prompt: `1.1` Parser\n")
                .contains("1. `subplans/SUBPLAN_P_11.md`: the design you follow",
                        "```markdown\n# SUBPLAN P 1.1\n\n## Approach\nA lexer.\n```\n",
                        "writes `execution/feedbacks/APPROVED_11.md` (done) or `execution/feedbacks/FIX_11.md`",
                        "write `execution/feedbacks/FIX_11_RESOLUTION.md`",
                        "what waits on it can start: `2.1` (Report)");
        assertThat(MarkdownOutline.of(p.text()).headings()).containsExactly(
                "# EXECUTION_TASK prompt: 1.1 Parser", "## The achievement", "## Dependencies", "## Read first",
                "## What the PLAN says", "## The SUBPLAN it follows: subplans/SUBPLAN_P_11.md",
                "## The file to write: execution/EXECUTION_TASK_P_11_01.md", "## The feedback loop");
    }

    @Test
    void shouldListWhatToReadFirstInTheMethodologysOrder() {
        Path folder = plan().files("subplans/SUBPLAN_P_12.md", "execution/EXECUTION_TASK_P_12_01.md",
                "execution/feedbacks/FIX_12.md", "execution/feedbacks/FIX_12_RESOLUTION.md",
                "execution/feedbacks/APPROVED_12.md").write();

        String text = new Prompter().prepare(folder, ids(ScaffoldKind.SUBPLANS, "2.2")).prompts().get(0).text();

        assertThat(text).contains("""
                1. `PLAN_P.md`: the whole plan, for its goal and the achievements around this one (this one's section \
                is quoted below).
                2. `subplans/SUBPLAN_P_12.md`: the design of dependency `1.2`.
                3. `execution/EXECUTION_TASK_P_12_01.md`: a record of the work on dependency `1.2`.
                4. `execution/feedbacks/APPROVED_12.md`: the review that approved dependency `1.2`.
                5. `execution/feedbacks/FIX_12.md`: a review that asked for changes to dependency `1.2`.
                6. `execution/feedbacks/FIX_12_RESOLUTION.md`: how a FIX was answered for dependency `1.2`.
                """);
    }

    @Test
    void shouldRefuseAPromptFileThatExistsInTheOutputFolder() throws IOException {
        Path folder = plan().write();
        Path out = Files.createDirectories(tmp.resolve("prompts"));
        Files.writeString(out.resolve("PROMPT_SUBPLAN_P_12.md"), "mine");

        PromptBatch batch = new Prompter().prepare(folder,
                new PromptRequest(ScaffoldKind.SUBPLANS, null, List.of(), false, out));

        assertThat(batch.prompts()).extracting(PromptBatch.Prompt::id).containsExactly("1.1");
        assertThat(batch.refusals()).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("the prompt file " + out.resolve("PROMPT_SUBPLAN_P_12.md")
                        + " exists and is not overwritten; remove it or choose another -o folder"));
    }

    @Test
    void shouldSayWhenThePlanHasNoMarkdownOrNoSectionForTheAchievement() throws IOException {
        Path folder = plan().write();
        Files.writeString(folder.resolve("PLAN_P.md"), "# PLAN: P\n\n**Achievement 1.1: Parser**\n");
        String noSection = new Prompter().prepare(folder, ids(ScaffoldKind.SUBPLANS, "1.2")).prompts().get(0).text();
        Files.delete(folder.resolve("PLAN_P.md"));
        String noMarkdown = new Prompter().prepare(folder, ids(ScaffoldKind.SUBPLANS, "1.2")).prompts().get(0).text();

        assertThat(noSection).contains("`PLAN_P.md` has no section for `1.2`");
        assertThat(noMarkdown).contains("The plan folder has no PLAN markdown",
                "1. `parallel.json`: the plan's achievements and dependencies");
    }

    @Test
    void shouldGiveTheSameBytesForTheSameFolder() {
        Path folder = plan().files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/APPROVED_12.md",
                "subplans/SUBPLAN_P_21.md").write();
        PromptRequest request = level(ScaffoldKind.SUBPLANS, 1, false);

        PromptBatch first = new Prompter().prepare(folder, request);
        PromptBatch second = new Prompter().prepare(folder, request);

        assertThat(second).isEqualTo(first);
        assertThat(second.document()).isEqualTo(first.document());
    }

    @Test
    void shouldNumberAndSeparateThePromptsOfABatchDocument() {
        Path folder = plan().write();

        PromptBatch batch = new Prompter().prepare(folder, subplans());
        String document = batch.document();

        assertThat(document).startsWith("# SUBPLAN prompts for plan P: 2 achievements\n")
                .contains("1. `1.1` Parser: writes `subplans/SUBPLAN_P_11.md`\n"
                        + "2. `1.2` Printer: writes `subplans/SUBPLAN_P_12.md`\n",
                        "\n---\n\n**Prompt 1 of 2**: `1.1`\n\n" + batch.prompts().get(0).text(),
                        "\n---\n\n**Prompt 2 of 2**: `1.2`\n\n" + batch.prompts().get(1).text());
        MarkdownOutline outline = MarkdownOutline.of(document);
        assertThat(outline.rules()).isEqualTo(2);
        assertThat(outline.headings()).filteredOn(h -> h.startsWith("# ")).containsExactly(
                "# SUBPLAN prompts for plan P: 2 achievements", "# SUBPLAN prompt: 1.1 Parser",
                "# SUBPLAN prompt: 1.2 Printer");
    }

    @Test
    void shouldNameEveryPartOfTheScaffoldTemplatesInItsRules() throws IOException {
        Path folder = plan().write("subplans/SUBPLAN_P_11.md", "# design\n").write();
        String subplan = new Prompter().prepare(folder, ids(ScaffoldKind.SUBPLANS, "1.2")).prompts().get(0).text();
        String execution = new Prompter().prepare(folder, ids(ScaffoldKind.EXECUTIONS, "1.1")).prompts().get(0)
                .text();

        assertThat(templateParts("SUBPLAN.md")).isNotEmpty().allSatisfy(part -> assertThat(subplan)
                .contains("`" + part + "`"));
        assertThat(templateParts("EXECUTION_TASK.md")).isNotEmpty().allSatisfy(part -> assertThat(execution)
                .contains("`" + part + "`"));
    }

    /** The {@code ## } headings of a built-in scaffold template. */
    private static List<String> templateParts(String template) throws IOException {
        try (InputStream in = Scaffolder.class.getResourceAsStream(template)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(?m)^## .+$").matcher(text);
            return m.results().map(r -> r.group()).toList();
        }
    }
}
