package io.parallelplan.cli.run;

import io.parallelplan.core.ledger.RunLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of one run, {@code <state-dir>/runs/<run-id>/}: the ledger and a {@code logs/} folder with one file per
 * attempt. The state folder is {@code .parallel-plan} beside the plan unless {@code --state-dir} says otherwise.
 * Run ids are the UTC start time, {@code yyyyMMdd-HHmmss-SSS}, so the latest run sorts last.
 */
public final class RunFolder {
    /** The state folder's name beside the plan. */
    public static final String STATE_DIR_NAME = ".parallel-plan";

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String runId;
    private final Path path;

    private RunFolder(String runId, Path path) {
        this.runId = runId;
        this.path = path;
    }

    /** Where runs of a plan live: {@code stateDir/runs}. */
    public static Path runsFolder(Path stateDir) {
        return stateDir.resolve("runs");
    }

    /** Creates the folder of a new run, named after {@code now} (made unique if that name is taken). */
    public static RunFolder create(Path stateDir, Instant now) {
        Path runs = runsFolder(stateDir);
        String base = RunLedger.newRunId(now);
        try {
            Files.createDirectories(runs);
            for (int n = 1; ; n++) {
                String id = n == 1 ? base : base + "-" + n;
                Path candidate = runs.resolve(id);
                try {
                    Files.createDirectory(candidate);
                    Files.createDirectory(candidate.resolve("logs"));
                    return new RunFolder(id, candidate);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // Two runs in the same millisecond: try the next suffix.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder under " + runs + ": " + e.getMessage(), e);
        }
    }

    /**
     * An existing run; with {@code runId == null}, the latest one that has a journal.
     *
     * @return empty when there is no such run
     * @throws IllegalArgumentException when {@code runId} is not a run id (a path, say)
     */
    public static Optional<RunFolder> existing(Path stateDir, String runId) {
        Path runs = runsFolder(stateDir);
        if (runId != null) {
            if (!RUN_ID.matcher(runId).matches()) {
                throw new IllegalArgumentException("'" + runId + "' is not a run id; run ids are folder names under "
                        + runs + ", e.g. " + RunLedger.newRunId(Instant.EPOCH));
            }
            Path folder = runs.resolve(runId);
            return Files.isDirectory(folder) ? Optional.of(new RunFolder(runId, folder)) : Optional.empty();
        }
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(runs)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(RunLedger.JOURNAL)))
                    .map(p -> p.getFileName().toString())
                    .filter(name -> RUN_ID.matcher(name).matches())
                    .max(RunFolder::compareIds)
                    .map(id -> new RunFolder(id, runs.resolve(id)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runs + ": " + e.getMessage(), e);
        }
    }

    /** Orders run ids by time, then by the numeric suffix of runs started in the same millisecond. */
    static int compareIds(String a, String b) {
        int c = a.substring(0, Math.min(19, a.length())).compareTo(b.substring(0, Math.min(19, b.length())));
        return c != 0 ? c : Integer.compare(suffix(a), suffix(b));
    }

    private static int suffix(String id) {
        if (id.length() <= 20 || id.charAt(19) != '-') {
            return 1;
        }
        try {
            return Integer.parseInt(id.substring(20));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String runId() {
        return runId;
    }

    public Path path() {
        return path;
    }

    /**
     * The log of one attempt: {@code logs/<id>.attempt-<n>.log}; a sub-execution {@code 2.1/2.1.1} gets
     * {@code logs/2.1/2.1.1.attempt-<n>.log}. Ids are restricted to letters, digits, '.', '_' and '-' by validation;
     * a segment starting with a dot is prefixed with '_' so that no id can name a folder outside {@code logs/}.
     */
    public Path log(String id, int attempt) {
        Objects.requireNonNull(id, "id cannot be null");
        Path folder = path.resolve("logs");
        String[] segments = id.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            folder = folder.resolve(safe(segments[i]));
        }
        return folder.resolve(safe(segments[segments.length - 1]) + ".attempt-" + attempt + ".log");
    }

    private static String safe(String segment) {
        StringBuilder b = new StringBuilder(segment.length() + 1);
        if (segment.isEmpty() || segment.charAt(0) == '.') {
            b.append('_');
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean plain = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            b.append(plain ? c : '_');
        }
        return b.toString();
    }
}
