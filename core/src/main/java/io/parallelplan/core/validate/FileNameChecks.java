package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.PlanFiles;
import java.util.List;

/**
 * What the methodology's file names make of the plan's achievement ids, said when the plan is validated rather than
 * when {@code status} or {@code scaffold} first meets them: ids of the methodology's own {@code X.Y} shape pass
 * silently; other valid ids are accepted with an {@code id-shape} info naming their files; ids that cannot name a
 * file ({@code id-not-file-name}) or whose file number another id also makes ({@code id-file-collision}) are
 * warnings. Only the plan's achievements name files; {@code sub_executions} do not.
 */
final class FileNameChecks {
    private final Plan plan;
    private final PlanGraph graph;
    private final List<Finding> findings;

    FileNameChecks(Plan plan, PlanGraph graph, List<Finding> findings) {
        this.plan = plan;
        this.graph = graph;
        this.findings = findings;
    }

    void run() {
        String name = plan.name();
        PlanFiles files = PlanFiles.planNameProblem(name) == null ? new PlanFiles(name) : new PlanFiles("PLAN");
        String shownPlan = files.planName().equals(name) ? name : "<PLAN>";
        NumberIndex byNumber = new NumberIndex(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            Achievement a = graph.achievement(i);
            String id = a.id();
            if (!Ids.isValid(id)) {
                continue; // missing-id or invalid-id already says so
            }
            // An id of the X.Y shape always names files (digits and one inner dot): the common case asks no more.
            boolean methodology = isMethodologyShape(id);
            String problem = methodology ? null : PlanFiles.idProblem(id);
            if (problem != null) {
                findings.add(Finding.warning("id-not-file-name", problem + "; until it is renamed (for example "
                        + "\"1.2\"), 'parallel-plan scaffold' refuses it", Ids.label(null, a, i), a.location()));
                continue;
            }
            int first = byNumber.putIfAbsent(id, i);
            if (first >= 0) {
                Achievement other = graph.achievement(first);
                if (!other.id().equals(id)) {
                    String number = PlanFiles.number(id);
                    findings.add(Finding.warning("id-file-collision", "ids " + other.id() + " (line "
                            + other.location().line() + ") and " + id + " both become \"" + number
                            + "\" in file names (" + subplan(files, shownPlan, number) + "), so 'parallel-plan status' "
                            + "cannot tell their files apart; rename one of them", Ids.label(null, a, i),
                            a.location()));
                }
            }
            if (!methodology) {
                String label = Ids.label(null, a, i);
                String number = PlanFiles.number(id);
                findings.add(Finding.info("id-shape", "id " + id + " is not of the methodology's X.Y shape (such as "
                        + "\"1.2\"); it is accepted, and its files are " + subplan(files, shownPlan, number) + ", "
                        + files.executionTask(number, 1).replace("_" + files.planName() + "_", "_" + shownPlan + "_")
                        + " and " + PlanFiles.approved(number) + "; rename it X.Y if the methodology's own scripts "
                        + "must read this plan", label, a.location()));
            }
        }
    }

    /**
     * The first node whose id makes each file number ({@link PlanFiles#number}: the id without its dots), without
     * making the numbers: open addressing over the ids' characters, dots skipped.
     */
    private final class NumberIndex {
        private final int[] nodes; // node + 1, 0 when free
        private final int[] hashes;
        private final int mask;

        NumberIndex(int size) {
            int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
            nodes = new int[capacity];
            hashes = new int[capacity];
            mask = capacity - 1;
        }

        /** The node already recorded for the number of {@code id}, or -1 after recording {@code node} for it. */
        int putIfAbsent(String id, int node) {
            int h = 0;
            for (int k = 0; k < id.length(); k++) {
                char c = id.charAt(k);
                if (c != '.') {
                    h = 31 * h + c;
                }
            }
            h ^= h >>> 16;
            int slot = h & mask;
            for (int n; (n = nodes[slot]) != 0; slot = (slot + 1) & mask) {
                if (hashes[slot] == h && sameNumber(graph.id(n - 1), id)) {
                    return n - 1;
                }
            }
            nodes[slot] = node + 1;
            hashes[slot] = h;
            return -1;
        }

        private static boolean sameNumber(String a, String b) {
            int i = 0;
            int j = 0;
            for (;;) {
                while (i < a.length() && a.charAt(i) == '.') {
                    i++;
                }
                while (j < b.length() && b.charAt(j) == '.') {
                    j++;
                }
                if (i == a.length() || j == b.length()) {
                    return i == a.length() && j == b.length();
                }
                if (a.charAt(i++) != b.charAt(j++)) {
                    return false;
                }
            }
        }
    }

    private static String subplan(PlanFiles files, String shownPlan, String number) {
        return files.subplan(number).replace("_" + files.planName() + "_", "_" + shownPlan + "_");
    }

    /** Digits, one dot, digits: the only shape the methodology's validator accepts ({@code ^\d+\.\d+$}). */
    static boolean isMethodologyShape(String id) {
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (i != dot && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
