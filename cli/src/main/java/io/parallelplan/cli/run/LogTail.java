package io.parallelplan.cli.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of an attempt's log, read from the end of the file whatever its size. */
public final class LogTail {
    private static final int WINDOW = 64 * 1024;
    private static final int MAX_LINE = 500;

    private LogTail() {}

    /** Up to {@code n} last lines (long lines cut); empty when the file is missing or empty. */
    public static List<String> lastLines(Path log, int n) {
        byte[] bytes;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, WINDOW);
            bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
        } catch (IOException e) {
            return List.of();
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) {
            end--;
        }
        List<String> out = new ArrayList<>(Arrays.asList(lines).subList(Math.max(0, end - n), end));
        out.replaceAll(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
        return out;
    }

    /** The last non-blank line, or {@code null}. */
    public static String lastLine(Path log) {
        List<String> last = lastLines(log, 1);
        return last.isEmpty() ? null : last.get(0).strip();
    }
}
