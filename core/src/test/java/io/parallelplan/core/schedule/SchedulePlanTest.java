package io.parallelplan.core.schedule;

import static io.parallelplan.core.schedule.Plans.a;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.model.Achievement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulePlanTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static SchedulePlan plan() {
        Achievement.Builder group = a("2", "1").hours(7).optional(true).subExecutions(List.of(
                Achievement.builder("2.1").hours(2).build(),
                Achievement.builder("2.2").hours(3).dependsOn("2.1").build()));
        return SchedulePlan.of(Plans.of(a("1").hours(1), group, a("3", "2").hours(4)));
    }

    @Test
    void shouldRankByLongestRemainingPathThroughSubExecutions() {
        SchedulePlan p = plan();

        assertThat(p.remainingHours("3")).isEqualTo(4);
        assertThat(p.remainingHours("2/2.2")).isEqualTo(7);
        assertThat(p.remainingHours("2/2.1")).isEqualTo(9);
        assertThat(p.remainingHours("2")).isEqualTo(9);
        assertThat(p.remainingHours("1")).isEqualTo(10);
    }

    @Test
    void shouldDescribeTasksGroupsAndDependents() {
        SchedulePlan p = plan();

        assertThat(p.ids()).containsExactly("1", "2", "2/2.1", "2/2.2", "3");
        assertThat(p.tasks()).containsExactly("1", "2/2.1", "2/2.2", "3");
        assertThat(p.children("2")).containsExactly("2/2.1", "2/2.2");
        assertThat(p.dependents("1")).containsExactly("2");
        assertThat(p.dependents("2/2.1")).containsExactly("2/2.2");
        assertThat(p.dependents("2")).containsExactly("3");
        assertThat(p.parentOf("2/2.2")).contains("2");
        assertThat(p.isOptional("2/2.1")).isTrue();
        assertThat(p.weight("2")).isEqualTo(7);
        assertThatThrownBy(() -> p.children("9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"9\" is not an achievement or sub-execution of plan test");
    }

    @Test
    void shouldServeSeveralRunsWithoutSharingTheirState() {
        SchedulePlan p = plan();
        Scheduler first = new Scheduler(p, RunOptions.defaults(), T0, RunListener.NONE);
        first.start("1", T0);
        first.finish("1", AttemptOutcome.failure(1, null), T0);

        Scheduler second = new Scheduler(p, RunOptions.defaults(), T0, RunListener.NONE);

        assertThat(first.state("2")).isEqualTo(TaskState.BLOCKED);
        assertThat(second.state("2")).isEqualTo(TaskState.PENDING);
        assertThat(second.startable()).containsExactly("1");
        assertThat(second.schedulePlan()).isSameAs(p);
    }
}
