package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.pipeline.PipelineException;
import io.parallelplan.core.pipeline.PlanCheck;
import io.parallelplan.core.pipeline.WorkspacePath;
import io.parallelplan.core.validate.LoadedPlan;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * The steps' access to the build's workspace, on whichever agent holds it: core's {@link WorkspacePath} decides what
 * may be read and says why not; every refusal becomes a one-line {@link AbortException}.
 */
final class Workspace {
    private Workspace() {}

    static AbortException abort(PipelineException e) {
        return new AbortException(e.getMessage());
    }

    /** The normal form of {@code path}, or an {@link AbortException} naming the fix. */
    static String normalize(String parameter, String path) throws AbortException {
        try {
            return WorkspacePath.normalize(parameter, path);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * The text of a file the step names relative to the workspace.
     *
     * @param normal the path, {@linkplain #normalize normalized}
     */
    static String read(FilePath workspace, String parameter, String normal) throws IOException, InterruptedException {
        try {
            return workspace.act(new ReadInside(parameter, normal));
        } catch (AbortException e) {
            throw e;
        } catch (IOException e) {
            throw new AbortException(normal + ": cannot be read (" + e.getMessage() + "); check the file and the"
                    + " workspace of this node");
        }
    }

    /**
     * Loads plan text with core, prints every finding, and insists that the plan is valid.
     *
     * @throws AbortException when the text is not a plan, or listing the error count and the fix when it has errors
     */
    static LoadedPlan loadValid(String json, String file, TaskListener listener) throws AbortException {
        LoadedPlan plan;
        try {
            plan = PlanCheck.load(json, file);
        } catch (PipelineException e) {
            throw abort(e);
        }
        ConsoleLines.findings(file, plan.report()).forEach(listener.getLogger()::println);
        if (!plan.report().isValid()) {
            throw new AbortException(ConsoleLines.invalidPlan(file, plan.report()));
        }
        return plan;
    }

    private static final class ReadInside extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final String parameter;
        private final String relative;

        ReadInside(String parameter, String relative) {
            this.parameter = parameter;
            this.relative = relative;
        }

        @Override
        public String invoke(File workspace, VirtualChannel channel) throws AbortException {
            try {
                return WorkspacePath.read(workspace.toPath(), parameter, relative);
            } catch (PipelineException e) {
                throw abort(e);
            }
        }
    }
}
