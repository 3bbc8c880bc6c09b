package io.parallelplan.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.parse.PlanReadException;
import io.parallelplan.core.testing.Corpus;
import io.parallelplan.core.testing.PlanFolders;
import io.parallelplan.core.validate.InvalidPlanException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReaderTest {
    @TempDir
    Path tmp;

    private final StatusReader reader = new StatusReader();

    private PlanFolders chain() {
        return PlanFolders.in(tmp, "P")
                .achievement("1.1", "First", 2, List.of())
                .achievement("1.2", "Second", 3, List.of("1.1"))
                .achievement("2.1", "Third", 1, List.of("1.2"));
    }

    private static AchievementStatus statusOf(PlanStatus s, String id) {
        return s.achievement(id).orElseThrow().status();
    }

    @Test
    void shouldFollowPrecedenceApprovedOverFixOverExecutionOverSubplanOverSkipped() {
        Path folder = PlanFolders.in(tmp, "P")
                .achievement("1.1", "a", 1, List.of())
                .achievement("1.2", "b", 1, List.of())
                .achievement("1.3", "c", 1, List.of())
                .achievement("1.4", "d", 1, List.of())
                .achievement("1.5", "e", 1, List.of())
                .achievement("1.6", "f", 1, List.of())
                .files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/FIX_11.md",
                        "execution/EXECUTION_TASK_P_11_01.md", "subplans/SUBPLAN_P_11.md",
                        "execution/feedbacks/FIX_12.md", "execution/EXECUTION_TASK_P_12_01.md",
                        "execution/EXECUTION_TASK_P_13_02.md", "subplans/SUBPLAN_P_13.md",
                        "subplans/SUBPLAN_P_14.md", "execution/SKIPPED_14.md",
                        "execution/SKIPPED_15.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(statusOf(s, "1.1")).isEqualTo(AchievementStatus.COMPLETE);
        assertThat(statusOf(s, "1.2")).isEqualTo(AchievementStatus.FAILED);
        assertThat(statusOf(s, "1.3")).isEqualTo(AchievementStatus.EXECUTION_CREATED);
        assertThat(statusOf(s, "1.4")).isEqualTo(AchievementStatus.SUBPLAN_CREATED);
        assertThat(statusOf(s, "1.5")).isEqualTo(AchievementStatus.SKIPPED);
        assertThat(statusOf(s, "1.6")).isEqualTo(AchievementStatus.NOT_STARTED);
        assertThat(s.achievement("1.1").orElseThrow().files()).containsExactly(
                "execution/EXECUTION_TASK_P_11_01.md", "execution/feedbacks/APPROVED_11.md",
                "execution/feedbacks/FIX_11.md", "subplans/SUBPLAN_P_11.md");
    }

    @Test
    void shouldNotTreatFixResolutionAsFix() {
        Path folder = chain().files("execution/EXECUTION_TASK_P_11_01.md", "execution/feedbacks/FIX_11_RESOLUTION.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(statusOf(s, "1.1")).isEqualTo(AchievementStatus.EXECUTION_CREATED);
        assertThat(s.achievement("1.1").orElseThrow().files()).contains("execution/feedbacks/FIX_11_RESOLUTION.md");
    }

    @Test
    void shouldReportCollidingFileNumbersInsteadOfGuessing() {
        Path folder = PlanFolders.in(tmp, "P")
                .achievement("1.10", "a", 1, List.of())
                .achievement("11.0", "b", 1, List.of())
                .achievement("2.1", "c", 1, List.of("11.0"))
                .files("execution/feedbacks/APPROVED_110.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(statusOf(s, "1.10")).isEqualTo(AchievementStatus.UNKNOWN);
        assertThat(statusOf(s, "11.0")).isEqualTo(AchievementStatus.UNKNOWN);
        assertThat(s.findings()).extracting(Finding::code).contains("status-id-collision");
        assertThat(s.findings().get(0).message()).contains("1.10 and 11.0", "\"110\"");
        assertThat(s.ready()).doesNotContain("1.10", "11.0", "2.1");
    }

    @Test
    void shouldListReadyAchievementsInCriticalPathOrder() {
        Path folder = PlanFolders.in(tmp, "P")
                .achievement("1.1", "short alone", 1, List.of())
                .achievement("1.2", "long chain head", 1, List.of())
                .achievement("1.3", "long tail", 5, List.of("1.2"))
                .achievement("1.4", "medium", 3, List.of())
                .achievement("1.5", "done", 9, List.of())
                .files("execution/feedbacks/APPROVED_15.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(s.ready()).containsExactly("1.2", "1.4", "1.1");
        assertThat(s.achievement("1.2").orElseThrow().remainingHours()).isEqualTo(6.0);
    }

    @Test
    void shouldOfferFailedAchievementAndHoldBackItsDependentsWithTheChain() {
        Path folder = chain()
                .files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/FIX_12.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(s.ready()).containsExactly("1.2");
        assertThat(s.blocked()).containsOnlyKeys("2.1");
        assertThat(s.blocked().get("2.1")).containsExactly("1.2");
    }

    @Test
    void shouldFollowBlockedChainDownToTheFailure() {
        Path folder = chain()
                .achievement("3.1", "Fourth", 1, List.of("2.1"))
                .files("execution/feedbacks/FIX_11.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(s.blocked().get("3.1")).containsExactly("2.1", "1.2", "1.1");
        assertThat(s.blocked().get("1.2")).containsExactly("1.1");
    }

    @Test
    void shouldCountSkippedAsDoneForDependents() {
        Path folder = chain().files("execution/SKIPPED_11.md").write();

        PlanStatus s = reader.read(folder);

        assertThat(s.ready()).containsExactly("1.2");
        assertThat(s.progress().overall().done()).isEqualTo(1);
    }

    @Test
    void shouldComputeProgressOverallAndByLevel() {
        Path folder = chain().files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/APPROVED_12.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(s.progress().overall()).isEqualTo(new PlanStatus.Count(2, 3, 5, 6));
        assertThat(s.progress().levels()).containsExactly(
                new PlanStatus.Count(1, 1, 2, 2), new PlanStatus.Count(1, 1, 3, 3), new PlanStatus.Count(0, 1, 0, 1));
        assertThat(s.progress().overall().percent()).isEqualTo(66);
    }

    @Test
    void shouldSayWhenParallelJsonStatusDisagreesWithTheFiles() {
        Path folder = PlanFolders.in(tmp, "P")
                .achievement("1.1", "a", 1, List.of(), "\"status\": \"not_started\"")
                .achievement("1.2", "b", 1, List.of(), "\"status\": \"in_progress\"")
                .achievement("1.3", "c", 1, List.of(), "\"status\": \"complete\"")
                .files("execution/feedbacks/APPROVED_11.md", "subplans/SUBPLAN_P_12.md")
                .write();

        PlanStatus s = reader.read(folder);

        assertThat(statusOf(s, "1.1")).isEqualTo(AchievementStatus.COMPLETE);
        assertThat(s.findings()).filteredOn(f -> f.code().equals("status-mismatch"))
                .extracting(Finding::achievement).containsExactly("1.1", "1.3");
        assertThat(s.findings()).filteredOn(f -> "1.1".equals(f.achievement())).first()
                .extracting(Finding::message).asString()
                .contains("parallel.json says not_started", "the files say complete", "APPROVED_11.md");
    }

    @Test
    void shouldReportFilesThatNameNoAchievement() {
        Path folder = chain().files("subplans/SUBPLAN_P_99.md", "subplans/notes.md").write();

        PlanStatus s = reader.read(folder);

        assertThat(s.findings()).extracting(Finding::code).containsExactly("status-unmatched-file");
        assertThat(s.findings().get(0).message()).contains("subplans/SUBPLAN_P_99.md").doesNotContain("notes.md");
    }

    @Test
    void shouldFindThePlanFolderFromAnInnerFolderAndTheWorkspaceRoot() {
        Path root = tmp.resolve("repo");
        Path folder = PlanFolders.in(root.resolve("work-space/plans"), "P")
                .achievement("1.1", "a", 1, List.of())
                .files("execution/feedbacks/APPROVED_11.md")
                .write();

        PlanStatus s = reader.read(folder.resolve("execution/feedbacks"));

        assertThat(s.folder().folder()).isEqualTo(folder);
        assertThat(s.folder().workspaceRoot()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(statusOf(s, "1.1")).isEqualTo(AchievementStatus.COMPLETE);
    }

    @Test
    void shouldRefuseAFolderWithoutParallelJson() {
        assertThatThrownBy(() -> reader.read(tmp))
                .isInstanceOf(PlanReadException.class)
                .hasMessageContaining("parallel-plan discover");
    }

    @Test
    void shouldRefuseACyclicPlan() {
        Path folder = PlanFolders.in(tmp, "P")
                .achievement("1.1", "a", 1, List.of("1.2"))
                .achievement("1.2", "b", 1, List.of("1.1"))
                .write();

        assertThatThrownBy(() -> reader.read(folder)).isInstanceOf(InvalidPlanException.class);
    }

    @Test
    void shouldRefuseAPlanNameThatLeavesTheFolder() {
        Path folder = tmp.resolve("p");
        PlanFolders.in(tmp, "p").write("parallel.json",
                "{\"plan_name\": \"../x\", \"achievements\": [{\"achievement_id\": \"1.1\"}]}");

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(PlanReadException.class)
                .hasMessageContaining("outside the plan folder");
    }

    @Test
    void shouldReadTheRealGraphragFolderWithFilesWinningOverParallelJson() {
        PlanStatus s = reader.read(Corpus.graphragFolder());

        assertThat(s.achievements()).hasSize(24).allMatch(e -> e.status() == AchievementStatus.COMPLETE);
        assertThat(s.achievement("2.1").orElseThrow().files())
                .contains("execution/feedbacks/FIX_21.md", "execution/feedbacks/FIX_21_RESOLUTION.md");
        assertThat(s.findings()).filteredOn(f -> f.code().equals("status-mismatch")).hasSize(11);
        assertThat(s.ready()).isEmpty();
        assertThat(s.progress().overall().done()).isEqualTo(24);
    }
}
