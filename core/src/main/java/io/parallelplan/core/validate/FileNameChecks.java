package io.parallelplan.core.validate;

import io.parallelplan.core.graph.PlanGraph;
import io.parallelplan.core.model.Achievement;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Plan;
import io.parallelplan.core.model.PlanFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Integer> byNumber = new HashMap<>(Math.max(16, graph.size() * 2));
        for (int i = 0; i < graph.size(); i++) {
            Achievement a = graph.achievement(i);
            String id = a.id();
            if (!Ids.isValid(id)) {
                continue; // missing-id or invalid-id already says so
            }
            String label = Ids.label(null, a, i);
            String problem = PlanFiles.idProblem(id);
            if (problem != null) {
                findings.add(Finding.warning("id-not-file-name", problem + "; until it is renamed (for example "
                        + "\"1.2\"), 'parallel-plan scaffold' refuses it", label, a.location()));
                continue;
            }
            String number = PlanFiles.number(id);
            Integer first = byNumber.putIfAbsent(number, i);
            if (first != null) {
                Achievement other = graph.achievement(first);
                if (!other.id().equals(id)) {
                    findings.add(Finding.warning("id-file-collision", "ids " + other.id() + " (line "
                            + other.location().line() + ") and " + id + " both become \"" + number
                            + "\" in file names (" + subplan(files, shownPlan, number) + "), so 'parallel-plan status' "
                            + "cannot tell their files apart; rename one of them", label, a.location()));
                }
            }
            if (!isMethodologyShape(id)) {
                findings.add(Finding.info("id-shape", "id " + id + " is not of the methodology's X.Y shape (such as "
                        + "\"1.2\"); it is accepted, and its files are " + subplan(files, shownPlan, number) + ", "
                        + files.executionTask(number, 1).replace("_" + files.planName() + "_", "_" + shownPlan + "_")
                        + " and " + PlanFiles.approved(number) + "; rename it X.Y if the methodology's own scripts "
                        + "must read this plan", label, a.location()));
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
