package io.parallelplan.core.schedule;

import static io.parallelplan.core.schedule.Plans.a;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parallelplan.core.validate.LoadedPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
    /** 1.1 → 2.1 → 3.1, with 1.2 beside them. */
    private final LoadedPlan plan = Plans.of(a("1.1"), a("1.2"), a("2.1", "1.1"), a("3.1", "2.1"));

    @Test
    void shouldSkipEverythingButTheChosenAchievements() {
        RunOptions options = RunOptions.builder().only(plan.graph(), List.of("3.1"), false).build();
        assertThat(options.skip()).containsOnlyKeys("1.1", "1.2", "2.1")
                .containsValue("not chosen by --only");
    }

    @Test
    void shouldKeepEveryTransitiveDependencyWithDependencies() {
        RunOptions options = RunOptions.builder().only(plan.graph(), List.of("3.1"), true).build();
        assertThat(options.skip()).containsOnlyKeys("1.2")
                .containsEntry("1.2", "not chosen by --only with its dependencies");
    }

    @Test
    void shouldChooseTheAchievementOfASubExecutionId() {
        RunOptions options = RunOptions.builder().only(plan.graph(), List.of("2.1/2.1.1"), false).build();
        assertThat(options.skip()).doesNotContainKey("2.1").containsKeys("1.1", "1.2", "3.1");
    }

    @Test
    void shouldRefuseAnUnknownIdNamingIt() {
        assertThatThrownBy(() -> RunOptions.builder().only(plan.graph(), List.of("1.1", "9.9"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no achievement \"9.9\" in this plan; list ids as in the plan, e.g. 1.1");
    }
}
