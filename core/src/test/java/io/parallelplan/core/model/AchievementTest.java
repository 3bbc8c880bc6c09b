package io.parallelplan.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AchievementTest {
    @Test
    void shouldKeepDependenciesHandedOverInOneStepWithTheirLocations() {
        long[] positions = {(7L << 32) | 12, (7L << 32) | 20, 0};
        Achievement bulk = Achievement.builder("1.3").dependsOn(List.of("1.1", "1.2", "1.0"), positions).build();
        Achievement one = Achievement.builder("1.3").dependsOn("1.1", 7, 12).dependsOn("1.2", 7, 20)
                .dependsOn("1.0", 0, 0).build();
        assertThat(bulk).isEqualTo(one);
        assertThat(bulk.dependencyLocations()).containsExactly(new SourceLocation(7, 12), new SourceLocation(7, 20),
                SourceLocation.UNKNOWN);
        assertThatThrownBy(() -> Achievement.builder("x").dependsOn(List.of("a"), new long[] {-1L}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Achievement.builder("x").dependsOn(List.of("a", "b"), new long[] {1L}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepEveryFieldAndItsLocationThroughToBuilder() {
        Achievement a = Achievement.builder("2.1").title("Build").status("complete").priority(3).executor("alice")
                .estimate("4-6").actualHours(5.0).blocks(List.of("2.2")).parallelizableWith(List.of("2.3"))
                .validationScript("check.sh").command("make").timeoutMinutes(30).retries(2).optional(true)
                .required(true).unknownField("owner", new SourceLocation(4, 9)).location(new SourceLocation(3, 5))
                .position(1).dependsOn("1.1", 3, 40).build();
        Achievement copy = a.toBuilder().build();
        assertThat(copy).isEqualTo(a);
        assertThat(copy.location()).isEqualTo(new SourceLocation(3, 5));
        assertThat(copy.unknownFields()).containsEntry("owner", new SourceLocation(4, 9));
        assertThat(copy.command()).isEqualTo("make");
        assertThat(copy.retries()).isEqualTo(2);
        assertThat(copy.optional()).isTrue();
        Achievement plain = Achievement.builder("2.2").build();
        assertThat(plain.location()).isEqualTo(SourceLocation.UNKNOWN);
        assertThat(plain.blocks()).isEmpty();
        assertThat(plain.unknownFields()).isEmpty();
        assertThat(plain.command()).isNull();
        assertThat(plain).isNotEqualTo(a);
    }
}
