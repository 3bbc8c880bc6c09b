package io.parallelplan.jenkins;

/** Pipeline scripts for the tests: one plan written into the workspace, one branch and stage per achievement. */
final class Pipelines {
    static final String PLAN = "plans/p/parallel.json";

    private Pipelines() {}

    /**
     * A scripted Pipeline that writes {@code planJson}, reads it, and runs it with {@code options} (the named
     * parameters after {@code file}); {@code body} is the Groovy inside each {@code achievement(a.id) { }}, with
     * {@code a} the achievement's data.
     */
    static String run(String planJson, String options, String body) {
        return "node {\n"
                + "  writeFile file: '" + PLAN + "', text: '''" + planJson + "'''\n"
                + "  def plan = readParallelPlan file: '" + PLAN + "'\n"
                + "  parallelPlan(file: '" + PLAN + "'" + (options.isEmpty() ? "" : ", " + options) + ") {\n"
                + "    parallel plan.achievements.collectEntries { a ->\n"
                + "      [(a.id): { stage(\"${a.id} ${a.title}\") { achievement(a.id) { " + body + " } } }]\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    /**
     * The same run in the one-call form: {@code parallelPlan(file: ..., options) { a -> body }}, the plugin making
     * the branches and stages.
     */
    static String oneCall(String planJson, String options, String body) {
        return "node {\n"
                + "  writeFile file: '" + PLAN + "', text: '''" + planJson + "'''\n"
                + "  parallelPlan(file: '" + PLAN + "'" + (options.isEmpty() ? "" : ", " + options) + ") { a ->\n"
                + "    " + body + "\n"
                + "  }\n"
                + "}\n";
    }

    /**
     * A Declarative Pipeline whose stage {@code Plan} writes {@code planJson} to {@code p.json} and runs
     * {@code script} (Groovy lines) in a {@code script {}} block.
     */
    static String declarative(String planJson, String script) {
        return "pipeline {\n"
                + "  agent any\n"
                + "  stages {\n"
                + "    stage('Plan') {\n"
                + "      steps {\n"
                + "        writeFile file: 'p.json', text: '''" + planJson + "'''\n"
                + "        script {\n"
                + script
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }
}
