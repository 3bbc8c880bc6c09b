package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parallelplan.core.model.Finding;
import io.parallelplan.core.model.SourceLocation;
import io.parallelplan.core.validate.InvalidPlanException;
import io.parallelplan.core.validate.ValidationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FindingsPrinterTest {
    private static final ValidationReport REPORT = new ValidationReport(List.of(
            Finding.info("unknown-field", "unknown field \"x\" is kept but not used", "a", new SourceLocation(1, 2)),
            Finding.warning("unknown-status", "status \"done\" is not known", "b", new SourceLocation(3, 4)),
            Finding.error("self-dependency", "depends on itself", "c", new SourceLocation(5, 6)),
            Finding.error("missing-achievements", "no achievements", null, SourceLocation.UNKNOWN)));

    @Test
    void shouldColourOnlyOnATerminalWithoutNoColor() {
        assertThat(FindingsPrinter.colourWanted(true, null)).isTrue();
        assertThat(FindingsPrinter.colourWanted(true, "")).isTrue();
        assertThat(FindingsPrinter.colourWanted(true, "1")).isFalse();
        assertThat(FindingsPrinter.colourWanted(false, null)).isFalse();
    }

    @Test
    void shouldColourSeveritiesWhenAsked() {
        StringWriter sw = new StringWriter();
        new FindingsPrinter(true).printText(new PrintWriter(sw), "p.json", REPORT, false);
        assertThat(sw.toString()).contains("\u001b[1;31merror\u001b[0m", "\u001b[33mwarning\u001b[0m",
                "\u001b[36minfo\u001b[0m");
    }

    @Test
    void shouldGroupBySeverityAndOmitUnknownParts() {
        StringWriter sw = new StringWriter();
        new FindingsPrinter(false).printText(new PrintWriter(sw), "p.json", REPORT, false);
        assertThat(sw.toString().split("\\R")).containsExactly(
                "p.json:5:6: error [self-dependency] c: depends on itself",
                "p.json: error [missing-achievements] no achievements",
                "p.json:3:4: warning [unknown-status] b: status \"done\" is not known",
                "p.json:1:2: info [unknown-field] a: unknown field \"x\" is kept but not used",
                "p.json: invalid plan, 2 errors, 1 warning, 1 info");
    }

    @Command(name = "needs-valid")
    static final class NeedsValid implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new InvalidPlanException(Path.of("plan/parallel.json"), REPORT);
        }
    }

    @Test
    void shouldPrintEveryErrorWhenACommandRefusesAnInvalidPlan() {
        CommandLine cl = Cli.commandLine();
        cl.addSubcommand(new NeedsValid());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("needs-valid")).isEqualTo(ExitCodes.INVALID);
        String file = Path.of("plan/parallel.json").toString();
        assertThat(err.toString().split("\\R")).containsExactly(
                file + ":5:6: error [self-dependency] c: depends on itself",
                file + ": error [missing-achievements] no achievements",
                file + ": invalid plan, 2 errors, 1 warning, 1 info; fix the errors (parallel-plan validate shows the "
                        + "warnings too)");
    }
}
