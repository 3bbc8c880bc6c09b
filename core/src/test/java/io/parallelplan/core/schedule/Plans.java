package io.parallelplan.core.schedule;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.parse.ParsedPlan;
import io.parallelplan.core.validate.LoadedPlan;
import io.parallelplan.core.validate.PlanLoader;
import java.util.ArrayList;
import java.util.List;

/** Builds small in-memory plans for scheduler tests. */
final class Plans {
    private Plans() {}

    /** A valid loaded plan of these achievements (positions in the order given). */
    static LoadedPlan of(Achievement.Builder... builders) {
        List<Achievement> list = new ArrayList<>();
        for (int i = 0; i < builders.length; i++) {
            list.add(builders[i].position(i).build());
        }
        return load(list);
    }

    static LoadedPlan load(List<Achievement> achievements) {
        return new PlanLoader().load(new ParsedPlan(Plan.of("test", achievements), List.of())).requireValid();
    }

    static Achievement.Builder a(String id, String... deps) {
        return Achievement.builder(id).title("Achievement " + id).dependsOn(deps);
    }
}
