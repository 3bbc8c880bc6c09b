package io.parallelplan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdIndexTest {
    @Test
    void shouldFindTheFirstNodeOfEachIdEvenWhenHashesCollide() {
        // "Aa" and "BB" have the same String.hashCode.
        IdIndex index = new IdIndex(List.of("Aa", "BB", "1.1", "Aa", "c"));
        assertThat(index.get("Aa")).isZero();
        assertThat(index.get("BB")).isEqualTo(1);
        assertThat(index.get("1.1")).isEqualTo(2);
        assertThat(index.get("c")).isEqualTo(4);
        assertThat(index.get("AaBB")).isEqualTo(-1);
        assertThat(index.get("")).isEqualTo(-1);
    }

    @Test
    void shouldAnswerMissForAnEmptyPlan() {
        assertThat(new IdIndex(List.of()).get("x")).isEqualTo(-1);
    }

    @Property
    void shouldAgreeWithIndexOfOnAnyIds(@ForAll @Size(max = 60) List<@AlphaChars @StringLength(max = 3) String> ids,
            @ForAll @AlphaChars @StringLength(max = 3) String probe) {
        IdIndex index = new IdIndex(ids);
        for (String id : ids) {
            assertThat(index.get(id)).isEqualTo(ids.indexOf(id));
        }
        assertThat(index.get(probe)).isEqualTo(ids.indexOf(probe));
    }
}
