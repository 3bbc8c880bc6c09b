package io.parallelplan.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.parallelplan.core.pipeline.WorkspacePath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads a text file inside a build's workspace, on whichever agent holds it. Paths that are absolute, climb out with
 * {@code ..}, or resolve through a symbolic link to a place outside the workspace are refused.
 */
final class WorkspaceFile {
    /** Plans and PLAN markdown files larger than this are refused (the parser's own limit is far higher). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private WorkspaceFile() {}

    /**
     * The content of {@code path} (relative to {@code workspace}) as UTF-8.
     *
     * @param parameter the step parameter that named the file, for messages
     * @throws AbortException with a one-line message naming the file and the fix
     */
    static String read(FilePath workspace, String parameter, String path) throws IOException, InterruptedException {
        String normal;
        try {
            normal = WorkspacePath.normalize(parameter, path);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        try {
            return workspace.act(new ReadInside(parameter, normal));
        } catch (IOException e) {
            if (e instanceof AbortException) {
                throw e;
            }
            throw new AbortException(normal + ": cannot be read (" + e.getMessage() + "); check the file and the"
                    + " workspace of this node");
        }
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
        public String invoke(File workspace, VirtualChannel channel) throws IOException {
            Path root = workspace.toPath().toRealPath();
            Path file;
            try {
                file = root.resolve(relative).toRealPath();
            } catch (NoSuchFileException e) {
                throw new AbortException(relative + ": no such file in the workspace " + root + "; check " + parameter
                        + " (relative to the workspace) or run checkout scm first");
            }
            if (!file.startsWith(root)) {
                throw new AbortException(parameter + " '" + relative + "' leads outside the workspace through a"
                        + " symbolic link; name a file inside the workspace");
            }
            if (!Files.isRegularFile(file)) {
                throw new AbortException(
                        relative + ": is not a file; name the file itself, e.g. " + relative + "/parallel.json");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new AbortException(
                        relative + ": is larger than " + (MAX_BYTES >> 20) + " MiB; is this the right file?");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
