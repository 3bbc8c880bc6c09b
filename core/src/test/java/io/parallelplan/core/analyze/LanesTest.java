package io.parallelplan.core.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanesTest {
    @Test
    void shouldNumberTheLanesOfACount() {
        Lanes lanes = Lanes.parse(" 3 ");
        assertThat(lanes.names()).containsExactly("e1", "e2", "e3");
        assertThat(lanes.named()).isFalse();
        assertThat(lanes).hasToString("3");
    }

    @Test
    void shouldKeepNamesInTheirOrderWithoutSurroundingSpaces() {
        Lanes lanes = Lanes.parse("bob, alice ,Carol Smith");
        assertThat(lanes.names()).containsExactly("bob", "alice", "Carol Smith");
        assertThat(lanes.named()).isTrue();
        assertThat(lanes).isEqualTo(Lanes.named(List.of("bob", "alice", "Carol Smith")));
    }

    @Test
    void shouldRefuseHostileExecutorsWithOneLine() {
        assertThatThrownBy(() -> Lanes.parse("")).hasMessageContaining("--executors is empty");
        assertThatThrownBy(() -> Lanes.parse("0")).hasMessage("--executors must be at least 1, not 0");
        assertThatThrownBy(() -> Lanes.parse("-2")).hasMessage("--executors must be at least 1, not -2");
        assertThatThrownBy(() -> Lanes.parse("99999999999")).hasMessageContaining("is too large");
        assertThatThrownBy(() -> Lanes.parse("alice,,bob")).hasMessageContaining("executor 2 is empty");
        assertThatThrownBy(() -> Lanes.parse("alice,")).hasMessageContaining("executor 2 is empty");
        assertThatThrownBy(() -> Lanes.parse("alice,bob,alice")).hasMessageContaining("\"alice\" twice");
        assertThatThrownBy(() -> Lanes.parse("alice,b\u001b[31mob"))
                .hasMessageContaining("executor 2 has a control or format character (U+001B)")
                .message().doesNotContain("\u001b");
        assertThatThrownBy(() -> Lanes.parse("al\u202eice")).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> Lanes.parse("2,3")).hasMessageContaining("plain number");
        assertThatThrownBy(() -> Lanes.parse("x".repeat(65))).hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> Lanes.count(Lanes.MAX_LANES + 1)).hasMessageContaining("between 1 and");
        for (String bad : List.of("", "0", "alice,,bob", "a\nb")) {
            assertThatThrownBy(() -> Lanes.parse(bad)).message().doesNotContain("\n");
        }
    }
}
