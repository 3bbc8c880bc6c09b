package io.parallelplan.core.schedule;

import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.validate.LoadedPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Random valid plans for property tests: a DAG of achievements (each depending on a random subset of earlier ones),
 * random estimates, executors, retries, optional/required flags, and some achievements with sub_executions that depend
 * on earlier siblings. Also knows each task's effective dependencies, to check the scheduler against.
 */
final class RandomPlans {
    final LoadedPlan plan;
    final List<Achievement> achievements;
    /** Task or achievement id → the ids it waits for directly (achievements; for a sub-execution also siblings). */
    final Map<String, Set<String>> waitsFor = new HashMap<>();

    private RandomPlans(List<Achievement> achievements) {
        this.achievements = achievements;
        this.plan = Plans.load(achievements);
        for (Achievement a : achievements) {
            waitsFor.put(a.id(), new TreeSet<>(a.dependencies()));
            for (Achievement s : a.subExecutions()) {
                Set<String> deps = new TreeSet<>(a.dependencies());
                for (String d : s.dependencies()) {
                    deps.add(a.id() + "/" + d);
                }
                waitsFor.put(a.id() + "/" + s.id(), deps);
            }
        }
    }

    static RandomPlans generate(Random random, int size) {
        List<Achievement> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Achievement.Builder b = Achievement.builder("a" + i).position(i).hours(1 + random.nextInt(6));
            for (int j = 0; j < i; j++) {
                if (random.nextInt(Math.max(2, i / 2)) == 0) {
                    b.dependsOn("a" + j);
                }
            }
            if (random.nextInt(3) == 0) {
                b.executor("e" + random.nextInt(2));
            }
            if (random.nextInt(3) == 0) {
                b.retries(random.nextInt(3));
            }
            b.optional(random.nextInt(5) == 0);
            b.required(random.nextInt(4) == 0);
            if (random.nextInt(5) == 0) {
                int kids = 1 + random.nextInt(3);
                List<Achievement> subs = new ArrayList<>();
                for (int k = 0; k < kids; k++) {
                    Achievement.Builder s = Achievement.builder("x" + k).hours(1 + random.nextInt(3));
                    for (int j = 0; j < k; j++) {
                        if (random.nextBoolean()) {
                            s.dependsOn("x" + j);
                        }
                    }
                    if (random.nextInt(3) == 0) {
                        s.executor("e" + random.nextInt(3));
                    }
                    subs.add(s.build());
                }
                b.subExecutions(subs);
            }
            list.add(b.build());
        }
        return new RandomPlans(list);
    }

    /** A copy where achievement {@code index} (and so its definition hash) changed its command. */
    RandomPlans withChangedCommand(int index) {
        List<Achievement> copy = new ArrayList<>(achievements);
        Achievement a = copy.get(index);
        copy.set(index, a.toBuilder().command("changed " + a.command()).build());
        return new RandomPlans(copy);
    }

    /** Whether the id is an achievement with sub_executions. */
    boolean isGroup(String id) {
        return achievements.stream().anyMatch(a -> a.id().equals(id) && !a.subExecutions().isEmpty());
    }

    /** The sub-execution ids of an achievement, or itself for a task. */
    List<String> tasksOf(String id) {
        for (Achievement a : achievements) {
            if (a.id().equals(id) && !a.subExecutions().isEmpty()) {
                return a.subExecutions().stream().map(s -> id + "/" + s.id()).toList();
            }
        }
        return List.of(id);
    }
}
