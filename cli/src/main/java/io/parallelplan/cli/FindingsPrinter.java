package io.parallelplan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.Severity;
import io.parallelplan.core.pipeline.ConsoleLines;
import io.parallelplan.core.validate.ValidationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Prints a {@link ValidationReport}: as text, one {@code file:line:col: severity [code] achievement: message} line
 * per finding grouped by severity (errors, then warnings, then info) and a summary line; or as JSON. {@code validate}
 * prints whole reports; every command that needs a valid plan uses {@link #printRefusal} to show all its errors.
 *
 * <p>Colours only when asked for ({@link #forTerminal()}: stdout is a terminal and {@code NO_COLOR} is not set).
 * Control characters in messages and ids are escaped, so a hostile plan cannot drive the terminal.
 */
public final class FindingsPrinter {
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    /**
     * The JSON mapper, made on first use: making one costs about 20 ms of CPU (Jackson's classes and their static
     * state), which the text output, every command's usual one, does not need.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** @param colour whether to colour severities with ANSI escapes */
    public FindingsPrinter(boolean colour) {
        this.colour = colour;
    }

    /** A printer that colours only when stdout is a terminal and {@code NO_COLOR} is not set (no-color.org). */
    public static FindingsPrinter forTerminal() {
        return new FindingsPrinter(colourWanted(System.console() != null, System.getenv("NO_COLOR")));
    }

    /**
     * Whether output should be coloured.
     *
     * @param terminal whether the output is a terminal
     * @param noColor the value of {@code NO_COLOR}, or {@code null} when unset; any non-empty value turns colours off
     */
    public static boolean colourWanted(boolean terminal, String noColor) {
        return terminal && (noColor == null || noColor.isEmpty());
    }

    /** Every finding, errors first, then warnings, then info, and the summary line. */
    public void printText(PrintWriter out, String file, ValidationReport report, boolean strict) {
        for (Severity severity : Severity.values()) {
            for (Finding f : report.bySeverity(severity)) {
                out.println(line(file, f));
            }
        }
        out.println(summary(file, report, strict));
        out.flush();
    }

    /** The errors of an invalid plan a command refuses to work on, and a summary that says what to do. */
    public void printRefusal(PrintWriter err, String file, ValidationReport report) {
        for (Finding f : report.errors()) {
            err.println(line(file, f));
        }
        err.println(paint(Severity.ERROR, clean(file) + ": invalid plan, " + ConsoleLines.tally(report)
                + "; fix the errors (parallel-plan validate shows the warnings too)"));
        err.flush();
    }

    /** One finding as {@code file:line:col: severity [code] achievement: message}. */
    public String line(String file, Finding f) {
        return ConsoleLines.finding(file, f, label -> paint(f.severity(), label));
    }

    /** {@code file: valid plan, 0 errors, 2 warnings, 1 info} (or invalid, or failing {@code --strict}). */
    public String summary(String plan, ValidationReport report, boolean strict) {
        String file = clean(plan);
        String tally = ConsoleLines.tally(report);
        if (!report.isValid()) {
            return paint(Severity.ERROR, file + ": invalid plan, " + tally);
        }
        if (strict && report.count(Severity.WARNING) > 0) {
            return paint(Severity.WARNING, file + ": valid plan, but --strict fails on warnings: " + tally);
        }
        return (colour ? "\u001b[32m" : "") + file + ": valid plan, " + tally + (colour ? RESET : "");
    }

    private String paint(Severity severity, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (severity) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
        return code + text + RESET;
    }

    /**
     * The report as JSON: {@code {"file", "valid", "counts": {"error", "warning", "info"}, "findings": [{"severity",
     * "code", "message", "achievement", "line", "column"}]}}; an unknown achievement or location is {@code null}.
     */
    public static void printJson(PrintWriter out, String file, ValidationReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("file", file);
        root.put("valid", report.isValid());
        ObjectNode counts = root.putObject("counts");
        for (Severity s : Severity.values()) {
            counts.put(s.label(), report.count(s));
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("severity", f.severity().label());
            o.put("code", f.code());
            o.put("message", f.message());
            o.put("achievement", f.achievement());
            if (f.location().isKnown()) {
                o.put("line", f.location().line());
                o.put("column", f.location().column());
            } else {
                o.putNull("line");
                o.putNull("column");
            }
        }
        try {
            out.println(Json.MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Escapes control characters so text from a plan cannot move the cursor, change colours or forge a line. */
    static String clean(String text) {
        return ConsoleLines.clean(text);
    }
}
