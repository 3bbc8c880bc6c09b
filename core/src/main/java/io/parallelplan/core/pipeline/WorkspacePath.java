package io.parallelplan.core.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks a path a Pipeline script names relative to its workspace: absolute paths and paths that climb out of the
 * workspace with {@code ..} are refused, so a step never reads a file the build does not own; so is a file reached
 * through a symbolic link that leads outside the workspace ({@link #read}, run where the workspace is).
 */
public final class WorkspacePath {
    /** Plans and PLAN markdown files larger than this are refused (the parser's own limit is far higher). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private WorkspacePath() {}

    /**
     * The text of a file inside a workspace, as UTF-8.
     *
     * @param workspace the workspace directory
     * @param parameter the step parameter that named the file, for messages
     * @param relative the path in {@linkplain #normalize normal form}
     * @throws PipelineException naming the file and the fix when it is missing, outside the workspace through a
     *     symbolic link, not a file, too large or unreadable
     */
    public static String read(Path workspace, String parameter, String relative) throws PipelineException {
        try {
            Path root = workspace.toRealPath();
            Path file;
            try {
                file = root.resolve(relative).toRealPath();
            } catch (NoSuchFileException e) {
                throw new PipelineException(relative + ": no such file in the workspace " + root + "; check "
                        + parameter + " (relative to the workspace) or run checkout scm first");
            }
            if (!file.startsWith(root)) {
                throw new PipelineException(parameter + " '" + relative + "' leads outside the workspace through a"
                        + " symbolic link; name a file inside the workspace");
            }
            if (!Files.isRegularFile(file)) {
                throw new PipelineException(
                        relative + ": is not a file; name the file itself, e.g. " + relative + "/parallel.json");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new PipelineException(
                        relative + ": is larger than " + (MAX_BYTES >> 20) + " MiB; is this the right file?");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PipelineException(relative + ": cannot be read (" + e.getMessage() + "); check the file and"
                    + " the workspace of this node", e);
        }
    }

    /**
     * The path in normal form ({@code /} separators, no {@code .} or {@code ..} segments).
     *
     * @param parameter the step parameter, named in the message
     * @param path the path as written
     * @throws IllegalArgumentException naming the path and the fix when it is empty, absolute or escapes
     */
    public static String normalize(String parameter, String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(parameter + " is empty; name a file inside the workspace, e.g. "
                    + parameter + ": 'plans/X/parallel.json'");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(parameter + " '" + path.replace('\0', '?')
                    + "' contains a NUL character; name a file inside the workspace");
        }
        String unified = path.replace('\\', '/');
        if (unified.startsWith("/") || unified.startsWith("~") || unified.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException(parameter + " '" + path
                    + "' is absolute; give a path relative to the workspace");
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : unified.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new IllegalArgumentException(parameter + " '" + path
                            + "' leads outside the workspace; copy the file into the workspace (e.g. with checkout"
                            + " scm) and name it relative to it");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(parameter + " '" + path
                    + "' names the workspace itself; name a file inside it");
        }
        return String.join("/", segments);
    }
}
