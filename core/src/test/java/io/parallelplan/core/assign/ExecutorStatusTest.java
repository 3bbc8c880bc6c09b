package io.parallelplan.core.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.analyze.EstimateBound;
import io.parallelplan.core.analyze.Lanes;
import io.parallelplan.core.status.AchievementStatus;
import io.parallelplan.core.status.PlanFolder;
import io.parallelplan.core.status.PlanStatus;
import io.parallelplan.core.status.StatusReader;
import io.parallelplan.core.testing.PlanFolders;
import io.parallelplan.core.validate.LoadedPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorStatusTest {
    @TempDir
    Path tmp;

    /** Everything pinned: alice does 1.1, 2.1 and 3.1; bob does 1.2 and 2.2. */
    private PlanFolders plan() {
        return PlanFolders.in(tmp, "P")
                .achievement("1.1", "Format", 2, List.of(), "\"executor\": \"alice\"")
                .achievement("1.2", "Tokenizer", 3, List.of(), "\"executor\": \"bob\"")
                .achievement("2.1", "Indexer", 4, List.of("1.1", "1.2"), "\"executor\": \"alice\"")
                .achievement("2.2", "Parser", 2, List.of("1.2"), "\"executor\": \"bob\"")
                .achievement("3.1", "Search", 2, List.of("2.1", "2.2"), "\"executor\": \"alice\"");
    }

    private record Read(Assignment assignment, PlanStatus status, LoadedPlan loaded) {
        ExecutorStatus of(String name) {
            return ExecutorStatus.of(name, assignment, status, loaded.graph());
        }
    }

    private static Read read(Path folder) {
        StatusReader reader = new StatusReader();
        PlanFolder f = PlanFolder.locate(folder);
        LoadedPlan loaded = reader.loadValid(f);
        Assignment a = Assignment.of("P", loaded.graph(), Lanes.named(List.of("alice", "bob")), EstimateBound.UPPER);
        return new Read(a, reader.read(f, loaded), loaded);
    }

    @Test
    void shouldTellEachExecutorItsFirstFileAndWhoWaitsOnItAtTheStart() {
        Read r = read(plan().write());

        ExecutorStatus alice = r.of("alice");
        assertThat(alice.achievements()).extracting(ExecutorStatus.Item::id).containsExactly("1.1", "2.1", "3.1");
        assertThat(alice.next().id()).isEqualTo("1.1");
        assertThat(alice.next().action()).isEqualTo(ExecutorStatus.Action.CREATE_SUBPLAN);
        assertThat(alice.next().file()).isEqualTo("subplans/SUBPLAN_P_11.md");
        assertThat(alice.waitingOn()).extracting(ExecutorStatus.Wait::id, ExecutorStatus.Wait::waitsFor,
                        ExecutorStatus.Wait::on)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2.1", "1.2", "bob"),
                        org.assertj.core.groups.Tuple.tuple("3.1", "2.2", "bob"));
        ExecutorStatus bob = r.of("bob");
        assertThat(bob.waitingOn()).isEmpty();
        assertThat(bob.waitedOnBy()).extracting(ExecutorStatus.Wait::executor, ExecutorStatus.Wait::id,
                        ExecutorStatus.Wait::waitsFor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "2.1", "1.2"),
                        org.assertj.core.groups.Tuple.tuple("alice", "3.1", "2.2"));
    }

    @Test
    void shouldMoveAFixThroughTheSyncPoint() {
        Path folder = plan().files("execution/feedbacks/APPROVED_11.md", "subplans/SUBPLAN_P_12.md",
                "execution/EXECUTION_TASK_P_12_01.md", "execution/feedbacks/FIX_12.md").write();
        Read r = read(folder);

        ExecutorStatus bob = r.of("bob");
        assertThat(bob.next().id()).isEqualTo("1.2");
        assertThat(bob.next().action()).isEqualTo(ExecutorStatus.Action.FIX);
        assertThat(bob.next().file()).isEqualTo("execution/feedbacks/FIX_12.md");
        ExecutorStatus alice = r.of("alice");
        assertThat(alice.next()).as("2.1 waits for bob's failed 1.2").isNull();
        assertThat(alice.doneCount()).isEqualTo(1);
        ExecutorStatus.Wait wait = alice.waitingOn().get(0);
        assertThat(wait.waitsFor()).isEqualTo("1.2");
        assertThat(wait.state()).isEqualTo(AchievementStatus.FAILED);
        assertThat(wait.file()).isEqualTo("execution/feedbacks/FIX_12.md");
    }

    @Test
    void shouldPassTheSyncPointOnceTheDependencyIsApproved() {
        Path folder = plan().files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/FIX_12.md",
                "execution/feedbacks/APPROVED_12.md", "subplans/SUBPLAN_P_21.md").write();
        Read r = read(folder);

        ExecutorStatus alice = r.of("alice");
        assertThat(alice.next().id()).isEqualTo("2.1");
        assertThat(alice.next().action()).isEqualTo(ExecutorStatus.Action.CREATE_EXECUTION);
        assertThat(alice.next().file()).isEqualTo("execution/EXECUTION_TASK_P_21_01.md");
        assertThat(alice.waitingOn()).extracting(ExecutorStatus.Wait::waitsFor).containsExactly("2.2");
        assertThat(r.of("bob").next().id()).isEqualTo("2.2");
    }

    @Test
    void shouldSayNothingIsNextWhenAllIsDone() {
        Path folder = plan().files("execution/feedbacks/APPROVED_11.md", "execution/feedbacks/APPROVED_12.md",
                "execution/feedbacks/APPROVED_22.md", "execution/SKIPPED_21.md",
                "execution/feedbacks/APPROVED_31.md").write();
        Read r = read(folder);

        for (ExecutorStatus s : ExecutorStatus.all(r.assignment(), r.status(), r.loaded().graph())) {
            assertThat(s.next()).isNull();
            assertThat(s.doneCount()).isEqualTo(s.achievements().size());
            assertThat(s.waitingOn()).isEmpty();
            assertThat(s.waitedOnBy()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnUnknownExecutorListingTheKnownOnes() {
        Read r = read(plan().write());
        assertThatThrownBy(() -> r.of("carol")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no executor carol in the assignment; it has alice, bob");
    }
}
