package io.parallelplan.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.model.Run;
import jenkins.model.RunAction2;

/** What the plugin's build actions share: the build they belong to (not saved with them) and their icon. */
public abstract class PlanBuildAction implements RunAction2 {
    private transient Run<?, ?> run;

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The build, for the views' links; null before the action is attached. */
    @SuppressFBWarnings(value = "EI_EXPOSE_REP", justification = "the views link to the build")
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-list";
    }
}
