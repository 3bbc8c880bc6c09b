package io.parallelplan.core.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.parallelplan.core.testing.PlanFolders;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffolderTest {
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
            """;

    private PlanFolders plan() {
        return PlanFolders.in(tmp, "P")
                .achievement("1.1", "Parser", 3, List.of())
                .achievement("1.2", "Printer", 1, List.of())
                .achievement("2.1", "Report", 2, List.of("1.1", "1.2"))
                .write("PLAN_P.md", MARKDOWN);
    }

    private static ScaffoldRequest subplans() {
        return ScaffoldRequest.next(ScaffoldKind.SUBPLANS);
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).filter(p -> !p.isEmpty()).sorted().toList();
        }
    }

    @Test
    void shouldCreateSubplansForWhatCanBeDoneNowFromTheTemplate() throws IOException {
        Path folder = plan().write();
        Scaffolder scaffolder = new Scaffolder();

        ScaffoldPreview preview = scaffolder.preview(folder, subplans());
        ScaffoldResult result = scaffolder.apply(preview, false);

        assertThat(preview.creations()).extracting(ScaffoldPreview.Creation::path)
                .containsExactly("subplans/SUBPLAN_P_11.md", "subplans/SUBPLAN_P_12.md");
        assertThat(result.isComplete()).isTrue();
        String text = Files.readString(folder.resolve("subplans/SUBPLAN_P_11.md"));
        assertThat(text).contains("# SUBPLAN P 1.1: Parser", "**Estimate**: 3 hours", "**Depends on**: none",
                "Parse the input into tokens.", "EXECUTION_TASK_P_11_01").doesNotContain("{{");
    }

    @Test
    void shouldNeverOverwriteAnExistingSubplan() throws IOException {
        Path folder = plan().write("subplans/SUBPLAN_P_11.md", "mine").write();

        ScaffoldPreview preview = new Scaffolder().preview(folder, subplans());

        assertThat(preview.creations()).extracting(ScaffoldPreview.Creation::id).containsExactly("1.2");
        assertThat(preview.skipped()).containsExactly(
                new ScaffoldPreview.Skip("1.1", "exists: subplans/SUBPLAN_P_11.md"));
        new Scaffolder().apply(preview, false);
        assertThat(Files.readString(folder.resolve("subplans/SUBPLAN_P_11.md"))).isEqualTo("mine");
    }

    @Test
    void shouldCreateExecutionTasksOnlyWhereTheSubplanExists() {
        Path folder = plan().files("subplans/SUBPLAN_P_11.md").write();

        ScaffoldPreview preview = new Scaffolder().preview(folder, ScaffoldRequest.next(ScaffoldKind.EXECUTIONS));

        assertThat(preview.creations()).extracting(ScaffoldPreview.Creation::path)
                .containsExactly("execution/EXECUTION_TASK_P_11_01.md");
        assertThat(preview.skipped()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("1.2");
            assertThat(s.reason()).startsWith("prerequisite missing: subplans/SUBPLAN_P_12.md");
        });
        assertThat(preview.creations().get(0).content()).contains("`subplans/SUBPLAN_P_11.md`");
    }

    @Test
    void shouldSkipAchievementsThatAlreadyHaveAnExecutionTaskOrAreComplete() {
        Path folder = plan().files("subplans/SUBPLAN_P_11.md", "execution/EXECUTION_TASK_P_11_03.md",
                "execution/feedbacks/APPROVED_12.md").write();

        ScaffoldPreview preview = new Scaffolder().preview(folder,
                new ScaffoldRequest(ScaffoldKind.EXECUTIONS, 0, List.of(), null));

        assertThat(preview.creations()).isEmpty();
        assertThat(preview.skipped()).extracting(ScaffoldPreview.Skip::reason).containsExactly(
                "exists: execution/EXECUTION_TASK_P_11_03.md",
                "already complete (execution/feedbacks/APPROVED_12.md)");
    }

    @Test
    void shouldChooseByLevelOrIdsAndRefuseUnknownOnes() {
        Path folder = plan().write();
        Scaffolder scaffolder = new Scaffolder();

        assertThat(scaffolder.preview(folder, new ScaffoldRequest(ScaffoldKind.SUBPLANS, 1, List.of(), null))
                .creations()).extracting(ScaffoldPreview.Creation::id).containsExactly("2.1");
        assertThat(scaffolder.preview(folder, new ScaffoldRequest(ScaffoldKind.SUBPLANS, null,
                List.of("2.1", "1.1", "2.1"), null)).creations())
                .extracting(ScaffoldPreview.Creation::id).containsExactly("2.1", "1.1");
        assertThatThrownBy(() -> scaffolder.preview(folder,
                new ScaffoldRequest(ScaffoldKind.SUBPLANS, 5, List.of(), null)))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("levels 0 to 1");
        assertThatThrownBy(() -> scaffolder.preview(folder,
                new ScaffoldRequest(ScaffoldKind.SUBPLANS, null, List.of("9.9"), null)))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("\"9.9\" is not an achievement");
    }

    @Test
    void shouldRefuseIdsThatWouldLeaveThePlanFolder() {
        Path folder = plan().write();

        for (String hostile : List.of("../x", "/etc/passwd", "a/b", "..", "a\\b")) {
            assertThatThrownBy(() -> new Scaffolder().preview(folder,
                    new ScaffoldRequest(ScaffoldKind.SUBPLANS, null, List.of(hostile), null)))
                    .as(hostile).isInstanceOf(ScaffoldException.class);
        }
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }

    @Test
    void shouldRefuseAPlanNameThatWouldLeaveThePlanFolder() {
        PlanFolders.in(tmp, "P").write("parallel.json",
                "{\"plan_name\": \"../../evil\", \"achievements\": [{\"achievement_id\": \"1.1\"}]}");

        assertThatThrownBy(() -> new Scaffolder().preview(tmp.resolve("P"), subplans()))
                .hasMessageContaining("outside the plan folder");
    }

    @Test
    void shouldRollBackEverythingTheBatchCreatedWhenOneFileFails() throws IOException {
        Path folder = plan().write();
        Scaffolder scaffolder = new Scaffolder(failingOn("SUBPLAN_P_12.md"));

        ScaffoldResult result = scaffolder.apply(scaffolder.preview(folder,
                new ScaffoldRequest(ScaffoldKind.SUBPLANS, null, List.of("1.1", "1.2", "2.1"), null)), false);

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.created()).isEmpty();
        assertThat(result.failures()).containsExactly(new ScaffoldResult.Failure("1.2", "subplans/SUBPLAN_P_12.md",
                "permission denied; make the folder writable (chmod u+w)"));
        assertThat(result.notAttempted()).extracting(ScaffoldPreview.Creation::id).containsExactly("2.1");
        assertThat(result.remainingIds()).containsExactly("1.2", "2.1");
        assertThat(filesUnder(folder.resolve("subplans"))).isEmpty();
        assertThat(Files.exists(folder.resolve("subplans"))).isFalse();
    }

    @Test
    void shouldKeepTheSuccessfulFilesWithKeepPartial() throws IOException {
        Path folder = plan().write();
        Scaffolder scaffolder = new Scaffolder(failingOn("SUBPLAN_P_12.md"));

        ScaffoldResult result = scaffolder.apply(scaffolder.preview(folder,
                new ScaffoldRequest(ScaffoldKind.SUBPLANS, null, List.of("1.1", "1.2", "2.1"), null)), true);

        assertThat(result.rolledBack()).isFalse();
        assertThat(result.created()).containsExactly("subplans/SUBPLAN_P_11.md", "subplans/SUBPLAN_P_21.md");
        assertThat(result.remainingIds()).containsExactly("1.2");
        assertThat(filesUnder(folder.resolve("subplans"))).containsExactly("SUBPLAN_P_11.md", "SUBPLAN_P_21.md");
    }

    @Test
    void shouldNotOverwriteAFileThatAppearsBetweenPreviewAndApply() throws IOException {
        Path folder = plan().write();
        Scaffolder scaffolder = new Scaffolder();
        ScaffoldPreview preview = scaffolder.preview(folder, subplans());
        Files.createDirectories(folder.resolve("subplans"));
        Files.writeString(folder.resolve("subplans/SUBPLAN_P_12.md"), "someone else's");

        ScaffoldResult result = scaffolder.apply(preview, false);

        assertThat(result.failures()).extracting(ScaffoldResult.Failure::reason)
                .containsExactly("it appeared meanwhile and was not overwritten");
        assertThat(Files.readString(folder.resolve("subplans/SUBPLAN_P_12.md"))).isEqualTo("someone else's");
        assertThat(Files.exists(folder.resolve("subplans/SUBPLAN_P_11.md"))).isFalse();
    }

    @Test
    void shouldRollBackWhenTheFolderIsReadOnly() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root ignores permissions");
        Path folder = plan().write();
        Path subplans = Files.createDirectory(folder.resolve("subplans"));
        Files.createDirectories(folder.resolve("execution"));
        Files.writeString(folder.resolve("subplans/SUBPLAN_P_11.md"), "x");
        Files.writeString(folder.resolve("subplans/SUBPLAN_P_12.md"), "x");
        Path execution = folder.resolve("execution");
        Files.setPosixFilePermissions(execution, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Scaffolder scaffolder = new Scaffolder();
            ScaffoldResult result = scaffolder.apply(scaffolder.preview(folder,
                    ScaffoldRequest.next(ScaffoldKind.EXECUTIONS)), false);

            assertThat(result.failures()).isNotEmpty();
            assertThat(result.failures().get(0).reason()).startsWith("permission denied");
            assertThat(filesUnder(execution)).isEmpty();
            assertThat(filesUnder(subplans)).hasSize(2);
        } finally {
            Files.setPosixFilePermissions(execution, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void shouldUseTemplatesFromAFolderAndRefuseUnknownPlaceholders() throws IOException {
        Path folder = plan().write();
        Path templates = Files.createDirectory(tmp.resolve("templates"));
        Files.writeString(templates.resolve("SUBPLAN.md"), "Design {{id}} of {{plan}}: {{title}} ({{estimate}})\n");

        ScaffoldPreview preview = new Scaffolder().preview(folder,
                new ScaffoldRequest(ScaffoldKind.SUBPLANS, null, List.of("1.1"), templates));

        assertThat(preview.creations().get(0).content()).isEqualTo("Design 1.1 of P: Parser (3 hours)\n");

        Files.writeString(templates.resolve("SUBPLAN.md"), "{{id}} {{owner}}\n");
        assertThatThrownBy(() -> new Scaffolder().preview(folder,
                new ScaffoldRequest(ScaffoldKind.SUBPLANS, null, List.of("1.1"), templates)))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("{{owner}}");
        assertThatThrownBy(() -> new Scaffolder().preview(folder,
                new ScaffoldRequest(ScaffoldKind.SUBPLANS, null, List.of("1.1"), tmp.resolve("nope"))))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("no such templates folder");
    }

    /** The real file system, except that creating the named file is denied. */
    static FileCreator failingOn(String fileName) {
        return new FileCreator() {
            @Override
            public void createDirectory(Path dir) throws IOException {
                FileCreator.SYSTEM.createDirectory(dir);
            }

            @Override
            public void createFile(Path file, String content) throws IOException {
                if (file.getFileName().toString().equals(fileName)) {
                    throw new AccessDeniedException(file.toString());
                }
                FileCreator.SYSTEM.createFile(file, content);
            }

            @Override
            public void delete(Path path) throws IOException {
                FileCreator.SYSTEM.delete(path);
            }
        };
    }
}
