package io.parallelplan.core.report;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Snapshots the report tests share: a small run with every state and hostile titles, and large generated runs. */
final class ReportFixtures {
    static final String HOSTILE_IMG = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_SCRIPT = "</script><script>window.pwned=1</script>";
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ReportFixtures() {}

    static Achievement a(String id, String title, double hours, String... deps) {
        return Achievement.builder(id).title(title).hours(hours).dependsOn(deps).build();
    }

    /** The plan of {@link #run()}: two roots, a failure in the middle and its dependents. */
    static Plan releasePlan() {
        return Plan.of("Release \"2.0\" & <friends>", List.of(
                a("1.1", "Schema migration", 2),
                a("1.2", HOSTILE_IMG, 3),
                a("1.3", "Write the docs", 1),
                a("2.1", "Build " + HOSTILE_SCRIPT, 4, "1.1", "1.2"),
                a("2.2", "Package", 1, "2.1"),
                a("2.3", "Lint & format", 0.5, "1.1"),
                a("3.1", "Deploy to staging", 2, "2.2"),
                a("3.2", "Notify the team", 0.25, "2.3")));
    }

    static ReportSnapshot.Attempt attempt(int n, int startSec, int endSec, Integer exit, String outcome) {
        return new ReportSnapshot.Attempt(n, T0.plusSeconds(startSec), T0.plusSeconds(endSec), exit, outcome);
    }

    /** A finished run with SUCCEEDED, FLAKY, SKIPPED, FAILED, BLOCKED and CANCELLED achievements. */
    static ReportSnapshot run() {
        Plan plan = releasePlan();
        ReportSnapshot base = ReportSnapshots.ofPlan(plan, PlanGraph.of(plan.achievements()));
        Map<String, ReportSnapshots.RunData> runs = new LinkedHashMap<>();
        runs.put("1.1", new ReportSnapshots.RunData("SUCCEEDED", null, List.of(),
                List.of(attempt(1, 0, 95, 0, "SUCCEEDED")), null));
        runs.put("1.2", new ReportSnapshots.RunData("FLAKY", "passed on attempt 2", List.of(),
                List.of(attempt(1, 0, 40, 1, "FAILED"), attempt(2, 41, 120, 0, "SUCCEEDED")), null));
        runs.put("1.3", new ReportSnapshots.RunData("SKIPPED", "already complete on the filesystem", List.of(),
                List.of(), null));
        runs.put("2.1", new ReportSnapshots.RunData("FAILED", "exit 2 after 2 attempts", List.of(),
                List.of(attempt(1, 121, 180, 2, "FAILED"), attempt(2, 181, 230, 2, "FAILED")),
                "compiling...\nerror: <b>boom</b> & more\n]]> end"));
        runs.put("2.2", new ReportSnapshots.RunData("BLOCKED", null, List.of("2.1"), List.of(), null));
        runs.put("2.3", new ReportSnapshots.RunData("SUCCEEDED", null, List.of(),
                List.of(attempt(1, 96, 150, 0, "SUCCEEDED")), null));
        runs.put("3.1", new ReportSnapshots.RunData("BLOCKED", null, List.of("2.2", "2.1"), List.of(), null));
        runs.put("3.2", new ReportSnapshots.RunData("CANCELLED", "the run was stopped", List.of(), List.of(), null));
        return ReportSnapshots.withRun(base, "20260302-090000-a1b2", "FAILURE",
                "8 achievements: 2 succeeded, 1 flaky, 1 failed, 2 blocked, 1 cancelled, 1 skipped — FAILURE",
                List.of("3.1 BLOCKED ← 2.2 BLOCKED ← 2.1 FAILED (exit 2 after 2 attempts)"), runs);
    }

    /**
     * A generated plan of {@code n} achievements in layers of about {@code width}, each depending on up to three
     * achievements of earlier layers, with a finished run on {@code slots} slots where about 2% fail.
     */
    static ReportSnapshot generatedRun(int n, int width, int slots, long seed) {
        Random random = new Random(seed);
        List<Achievement> achievements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int layer = i / width;
            Achievement.Builder b = Achievement.builder("a" + i).title("Generated achievement number " + i
                    + " of the scale test").hours(0.5 + random.nextInt(8) / 2.0);
            if (layer > 0) {
                int deps = 1 + random.nextInt(3);
                for (int k = 0; k < deps; k++) {
                    int from = Math.max(0, (layer - 1 - random.nextInt(Math.min(layer, 2))) * width);
                    b.dependsOn("a" + (from + random.nextInt(width)));
                }
            }
            achievements.add(b.build());
        }
        Plan plan = Plan.of("scale-" + n, achievements);
        PlanGraph graph = PlanGraph.of(achievements);
        ReportSnapshot base = ReportSnapshots.ofPlan(plan, graph);
        // Simulate the run: each achievement starts when its dependencies are done and a slot is free.
        Map<String, ReportSnapshots.RunData> runs = new LinkedHashMap<>();
        long[] slotFree = new long[slots];
        long[] finish = new long[n];
        boolean[] bad = new boolean[n];
        for (int v : graph.topologicalOrder()) {
            long ready = 0;
            String blocker = null;
            for (int k = 0; k < graph.dependencyCount(v); k++) {
                int d = graph.dependency(v, k);
                ready = Math.max(ready, finish[d]);
                if (bad[d] && blocker == null) {
                    blocker = graph.id(d);
                }
            }
            if (blocker != null) {
                bad[v] = true;
                finish[v] = ready;
                runs.put(graph.id(v), new ReportSnapshots.RunData("BLOCKED", null, List.of(blocker), List.of(),
                        null));
                continue;
            }
            int slot = 0;
            for (int s = 1; s < slots; s++) {
                if (slotFree[s] < slotFree[slot]) {
                    slot = s;
                }
            }
            long start = Math.max(ready, slotFree[slot]);
            long took = 5_000 + random.nextInt(120_000);
            boolean fails = random.nextInt(50) == 0;
            finish[v] = start + took;
            slotFree[slot] = finish[v];
            bad[v] = fails;
            runs.put(graph.id(v), new ReportSnapshots.RunData(fails ? "FAILED" : "SUCCEEDED",
                    fails ? "exit 1 after 1 attempt" : null, List.of(),
                    List.of(new ReportSnapshot.Attempt(1, T0.plusMillis(start), T0.plusMillis(finish[v]),
                            fails ? 1 : 0, fails ? "FAILED" : "SUCCEEDED")),
                    fails ? "last lines of the log" : null));
        }
        return ReportSnapshots.withRun(base, "scale-run", "FAILURE", null, List.of(), runs);
    }

    /**
     * A random plan of {@code n} achievements whose text and states take every form a node's drawing and tooltip
     * have a branch for: empty, long and markup-laden titles, long ids, missing and range estimates, executors,
     * every run state and folder status or none, reasons (also empty), attempts still running, blocked-by chains of
     * one to six links, critical nodes. No carriage returns or surrogate pairs (those keep the written drawing).
     */
    static ReportSnapshot varied(int n, long seed) {
        Random random = new Random(seed);
        String[] titles = {"", "Build", "Generated achievement with a title far longer than a node can show",
            HOSTILE_IMG, "Quotes \"double\" and 'single' & ampersands", "Ünïcödé — 漢字 title, quite long as well",
            "tab\tand\nnew line", "control \u0001 char", "]]> ends & <!-- comment"};
        String[] states = {"SUCCEEDED", "FLAKY", "FAILED", "BLOCKED", "CANCELLED", "SKIPPED", "RUNNING", "READY",
            "PENDING", "COMPLETE", "NOT_STARTED", "EXECUTION_CREATED", "SUBPLAN_CREATED", null};
        String[] reasons = {null, null, "", "exit 2 after 2 attempts", "already complete on the filesystem",
            "why: <b>\"this\"</b> & that"};
        List<Achievement> achievements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = random.nextInt(10) == 0 ? "an-id-longer-than-sixteen-" + i : (i / 20 + 1) + "." + (i % 20 + 1);
            Achievement.Builder b = Achievement.builder(id).title(titles[random.nextInt(titles.length)]);
            switch (random.nextInt(4)) {
                case 0 -> { } // no estimate: counted as 1 h
                case 1 -> b.estimate("2-4");
                default -> b.hours(random.nextInt(17) / 4.0);
            }
            if (random.nextInt(4) == 0) {
                b.executor(random.nextBoolean() ? "alice" : "bob & <co>");
            }
            java.util.Set<String> deps = new java.util.LinkedHashSet<>();
            for (int k = random.nextInt(4); k > 0 && i > 0; k--) {
                deps.add(achievements.get(random.nextInt(i)).id());
            }
            b.dependsOn(List.copyOf(deps));
            achievements.add(b.build());
        }
        Plan plan = Plan.of("varied <" + seed + ">", achievements);
        ReportSnapshot base = ReportSnapshots.ofPlan(plan, PlanGraph.of(achievements));
        Map<String, ReportSnapshots.RunData> runs = new LinkedHashMap<>();
        for (Achievement a : achievements) {
            String state = states[random.nextInt(states.length)];
            if (state == null) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (int k = state.equals("BLOCKED") ? 1 + random.nextInt(6) : 0; k > 0; k--) {
                chain.add(achievements.get(random.nextInt(n)).id());
            }
            List<ReportSnapshot.Attempt> attempts = new ArrayList<>();
            for (int k = 1; k <= random.nextInt(4); k++) {
                int start = random.nextInt(100_000);
                boolean running = random.nextInt(5) == 0;
                attempts.add(new ReportSnapshot.Attempt(k, T0.plusMillis(start),
                        running ? null : T0.plusMillis(start + random.nextInt(7_200_000)), running ? null : k,
                        running ? null : k == 1 ? "FAILED" : "SUCCEEDED"));
            }
            runs.put(a.id(), new ReportSnapshots.RunData(state, reasons[random.nextInt(reasons.length)], chain,
                    attempts, null));
        }
        return ReportSnapshots.withRun(base, "varied-" + seed, "FAILURE", null, List.of(), runs);
    }
}
