package io.parallelplan.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code run} command line in its plain forms, read without picocli: building picocli's model of a command (reflection
 * over its annotations, a proxy class per annotation type, the runtime verification of picocli's old class files) was
 * a quarter of the time before a run's first start. {@link #of} accepts only what it reads exactly as picocli would —
 * {@code run PLAN} with long options of the form {@code --name value} or {@code --name=value}, each at most once,
 * values that cannot be mistaken for options and convert the way picocli converts them — and declines everything
 * else (help, {@code --resume}, {@code @}-files, {@code --}, anything unknown, repeated or malformed), which then takes
 * picocli's way with its usage messages. A declined command line behaves exactly as before; an accepted one sets the
 * same fields picocli would set, runs the same {@link RunCommand}, and writes through the same kind of writers.
 */
final class QuickRun {
    private enum Kind {
        FLAG, INTEGER, DECIMAL, TEXT, PATH, IDS
    }

    private final RunCommand command = new RunCommand();
    private final Set<String> seen = new HashSet<>();

    private QuickRun() {}

    /** The command {@code arguments} configure, or {@code null} when picocli must read them. */
    static RunCommand of(String... arguments) {
        if (arguments.length < 2 || !arguments[0].equals("run") || System.getProperty("picocli.trace") != null
                || System.getProperty("picocli.trimQuotes") != null) {
            return null;
        }
        QuickRun quick = new QuickRun();
        for (int i = 1; i < arguments.length; i++) {
            String a = arguments[i];
            if (a.isEmpty() || a.charAt(0) == '@') {
                return null; // picocli expands @-files; an empty word is left to it as well
            }
            if (a.charAt(0) != '-') {
                if (!quick.positional(a)) {
                    return null;
                }
                continue;
            }
            int equals = a.indexOf('=');
            String name = equals < 0 ? a : a.substring(0, equals);
            Kind kind = kind(name);
            if (kind == null || !quick.seen.add(name)) {
                return null;
            }
            if (kind == Kind.FLAG) {
                if (equals >= 0) {
                    return null;
                }
                quick.flag(name);
                continue;
            }
            String value;
            if (equals >= 0) {
                value = a.substring(equals + 1);
            } else if (i + 1 < arguments.length) {
                value = arguments[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@' || !quick.option(name, kind, value)) {
                return null;
            }
        }
        return quick.command.planArgument == null ? null : quick.command;
    }

    /** The kind of value a long option of {@code run} takes; {@code null} for names this reader leaves to picocli. */
    private static Kind kind(String name) {
        return switch (name) {
            case "--drain", "--with-deps", "--dry-run" -> Kind.FLAG;
            case "--max-parallel", "--retries" -> Kind.INTEGER;
            case "--min-score", "--timeout" -> Kind.DECIMAL;
            case "--policy", "--exec", "--format" -> Kind.TEXT;
            case "--workdir", "--state-dir", "--report" -> Kind.PATH;
            case "--only" -> Kind.IDS;
            default -> null;
        };
    }

    private boolean positional(String word) {
        if (command.planArgument != null) {
            return false;
        }
        command.planArgument = path(word);
        return command.planArgument != null;
    }

    private void flag(String name) {
        switch (name) {
            case "--drain" -> command.drain = true;
            case "--with-deps" -> command.withDeps = true;
            default -> command.dryRun = true;
        }
    }

    private boolean option(String name, Kind kind, String value) {
        switch (kind) {
            case INTEGER -> {
                if (!value.matches("0|[1-9][0-9]{0,8}")) {
                    return false;
                }
                Integer n = Integer.valueOf(value);
                if (name.equals("--max-parallel")) {
                    command.maxParallel = n;
                } else {
                    command.retries = n;
                }
            }
            case DECIMAL -> {
                if (!value.matches("[0-9]{1,9}(\\.[0-9]{1,9})?")) {
                    return false;
                }
                Double x = Double.valueOf(value);
                if (name.equals("--min-score")) {
                    command.minScore = x;
                } else {
                    command.timeoutMinutes = x;
                }
            }
            case TEXT -> {
                switch (name) {
                    case "--policy" -> command.policy = value;
                    case "--exec" -> command.exec = value;
                    default -> command.format = value;
                }
            }
            case PATH -> {
                Path p = path(value);
                if (p == null) {
                    return false;
                }
                switch (name) {
                    case "--workdir" -> command.workdir = p;
                    case "--state-dir" -> command.stateDir = p;
                    default -> command.report = p;
                }
            }
            default -> {
                // picocli splits on commas but keeps quoted parts together: only plain ids are read here.
                if (!value.matches("[A-Za-z0-9_./-]+(,[A-Za-z0-9_./-]+)*")) {
                    return false;
                }
                command.only = Arrays.asList(value.split(","));
            }
        }
        return true;
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Runs the command as picocli's {@code execute} would: the same writers, the same handling of a failure. */
    static int execute(RunCommand command, String... arguments) {
        PrintWriter out = writer(System.out, System.getProperty("sun.stdout.encoding"));
        PrintWriter err = writer(System.err, System.getProperty("sun.stderr.encoding"));
        try {
            return command.call(out, err, List.of(arguments).subList(1, arguments.length));
        } catch (Exception e) {
            return Cli.executionFailure(e, err);
        }
    }

    /** The writer picocli makes for a standard stream: buffered, flushed at each line, in the stream's encoding. */
    private static PrintWriter writer(OutputStream stream, String encoding) {
        Charset charset = Charset.defaultCharset();
        if (encoding != null) {
            try {
                charset = Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
            } catch (RuntimeException e) {
                // picocli falls back to the default charset as well
            }
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
