package io.parallelplan.core.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks a path a Pipeline script names relative to its workspace: absolute paths and paths that climb out of the
 * workspace with {@code ..} are refused, so a step never reads a file the build does not own. (Symbolic links are
 * checked where the file is, by the plugin.)
 */
public final class WorkspacePath {
    private WorkspacePath() {}

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
