package io.parallelplan.cli;

import io.parallelplan.core.scaffold.FileCreator;
import io.parallelplan.core.scaffold.ScaffoldException;
import io.parallelplan.core.scaffold.ScaffoldKind;
import io.parallelplan.core.scaffold.ScaffoldPreview;
import io.parallelplan.core.scaffold.ScaffoldRequest;
import io.parallelplan.core.scaffold.ScaffoldResult;
import io.parallelplan.core.scaffold.Scaffolder;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parallel-plan scaffold subplans|executions}: creates the missing SUBPLAN or EXECUTION_TASK files of a batch
 * of achievements, after a preview and a confirmation.
 */
@Command(
        name = "scaffold",
        mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = "Create the missing SUBPLAN or EXECUTION_TASK files for a batch of achievements.",
        subcommands = {ScaffoldCommand.Subplans.class, ScaffoldCommand.Executions.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ScaffoldCommand.EXIT_OK, ScaffoldCommand.EXIT_FAILURE, ScaffoldCommand.EXIT_INVALID
        })
final class ScaffoldCommand {
    static final String EXIT_OK = "0:files created, nothing to create, or --dry-run";
    static final String EXIT_FAILURE = "1:declined at the prompt (nothing created), or a file could not be created";
    static final String EXIT_INVALID =
            "2:no readable or valid plan, bad ids or level, not a terminal without --yes, or bad usage";

    /** Where the confirmation is asked; tests replace it. */
    interface Terminal {
        /** Whether a person can answer (a console is attached). */
        boolean interactive();

        /** Shows the question and reads the answer; {@code null} at end of input. */
        String ask(String question);
    }

    /** The process's console, when there is one. */
    static final Terminal CONSOLE = new Terminal() {
        @Override
        public boolean interactive() {
            return System.console() != null;
        }

        @Override
        public String ask(String question) {
            Console console = System.console();
            return console == null ? null : console.readLine("%s", question);
        }
    };

    Terminal terminal = CONSOLE;

    /** How files are created; tests replace it to inject failures. */
    FileCreator files = FileCreator.SYSTEM;

    /** {@code scaffold subplans}. */
    @Command(
            name = "subplans",
            mixinStandardHelpOptions = true,
            versionProvider = App.Version.class,
            description = {
                "Create subplans/SUBPLAN_<PLAN>_<nn>.md for the chosen achievements (default: those that can be done"
                        + " now), from a template filled with the id, title, dependencies, estimate and the PLAN's"
                        + " section. Existing files are never overwritten."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                ScaffoldCommand.EXIT_OK, ScaffoldCommand.EXIT_FAILURE, ScaffoldCommand.EXIT_INVALID
            })
    static final class Subplans extends Batch {
        @Override
        ScaffoldKind kind() {
            return ScaffoldKind.SUBPLANS;
        }
    }

    /** {@code scaffold executions}. */
    @Command(
            name = "executions",
            mixinStandardHelpOptions = true,
            versionProvider = App.Version.class,
            description = {
                "Create execution/EXECUTION_TASK_<PLAN>_<nn>_01.md for the chosen achievements (default: those that"
                        + " can be done now). Only where the SUBPLAN exists; the others are listed with the reason."
                        + " Existing files are never overwritten."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                ScaffoldCommand.EXIT_OK, ScaffoldCommand.EXIT_FAILURE, ScaffoldCommand.EXIT_INVALID
            })
    static final class Executions extends Batch {
        @Override
        ScaffoldKind kind() {
            return ScaffoldKind.EXECUTIONS;
        }
    }

    /** Which achievements: one level or listed ids. */
    static final class Selection {
        @Option(names = "--level", paramLabel = "N", description = "the achievements of level N (0: no dependencies)")
        Integer level;

        @Option(names = "--ids", paramLabel = "ID", split = ",", description = "these achievements (comma-separated)")
        List<String> ids;
    }

    /** Options and behaviour shared by both kinds. */
    abstract static class Batch implements Callable<Integer> {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./,:=@%+-]+");

        @ParentCommand
        ScaffoldCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<plan>", description = "the plan folder or its parallel.json")
        Path plan;

        @ArgGroup(exclusive = true)
        Selection selection;

        @Option(names = "--dry-run", description = "show what would be created and skipped; create nothing")
        boolean dryRun;

        @Option(names = "--yes", description = "create without asking (for scripts)")
        boolean yes;

        @Option(names = "--keep-partial",
                description = "if a file fails, keep the others and print the command that creates the rest"
                        + " (default: remove what this batch created)")
        boolean keepPartial;

        @Option(names = "--templates", paramLabel = "DIR",
                description = "use SUBPLAN.md / EXECUTION_TASK.md from DIR instead of the built-in templates")
        Path templates;

        abstract ScaffoldKind kind();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ScaffoldRequest request = new ScaffoldRequest(kind(),
                    selection == null ? null : selection.level,
                    selection == null || selection.ids == null ? List.of() : selection.ids,
                    templates);
            Scaffolder scaffolder = new Scaffolder(parent.files);
            ScaffoldPreview preview;
            try {
                preview = scaffolder.preview(plan, request);
            } catch (ScaffoldException e) {
                err.println("parallel-plan: " + e.getMessage());
                return ExitCodes.INVALID;
            }
            preview(out, preview);
            if (preview.isEmpty()) {
                out.println("Nothing to create.");
                return ExitCodes.OK;
            }
            if (dryRun) {
                out.println("Dry run: nothing created.");
                return ExitCodes.OK;
            }
            if (!yes) {
                Terminal terminal = parent.terminal;
                if (!terminal.interactive()) {
                    err.println("parallel-plan: not a terminal, so nothing was created; pass --yes to create these"
                            + " files, or --dry-run to only preview");
                    return ExitCodes.INVALID;
                }
                out.flush();
                int n = preview.creations().size();
                String answer = terminal.ask("Create " + n + (n == 1 ? " file" : " files") + "? [y/N] ");
                if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                    out.println("Declined: nothing created.");
                    return ExitCodes.FAILURE;
                }
            }
            return report(out, err, preview, scaffolder.apply(preview, keepPartial));
        }

        private void preview(PrintWriter out, ScaffoldPreview preview) {
            out.println("Scaffold " + preview.kind().label() + " in " + preview.folder() + ":");
            for (ScaffoldPreview.Creation c : preview.creations()) {
                out.println("  create  " + c.path() + "  (" + c.id() + ")");
            }
            for (ScaffoldPreview.Skip s : preview.skipped()) {
                out.println("  skip    " + s.id() + ": " + s.reason());
            }
        }

        private int report(PrintWriter out, PrintWriter err, ScaffoldPreview preview, ScaffoldResult result) {
            for (String path : result.created()) {
                out.println("Created " + path);
            }
            if (result.isComplete()) {
                out.println("Created " + result.created().size() + " of " + preview.creations().size() + " files.");
                return ExitCodes.OK;
            }
            for (ScaffoldResult.Failure f : result.failures()) {
                err.println("parallel-plan: could not create " + preview.folder().resolve(f.path()) + ": "
                        + f.reason());
            }
            if (result.rolledBack()) {
                err.println("parallel-plan: removed what this batch had created; nothing changed. Fix the problem and"
                        + " run the command again (or pass --keep-partial).");
                for (String problem : result.rollbackProblems()) {
                    err.println("parallel-plan: could not remove " + problem);
                }
            } else {
                err.println("parallel-plan: kept " + result.created().size() + " created files. To create the rest,"
                        + " run:");
                err.println("  " + restCommand(result.remainingIds()));
            }
            return ExitCodes.FAILURE;
        }

        /** The exact command that creates the files this batch could not. */
        String restCommand(List<String> ids) {
            List<String> words = new ArrayList<>(List.of("parallel-plan", "scaffold", kind().label(),
                    plan.toString(), "--ids", String.join(",", ids), "--yes"));
            if (templates != null) {
                words.add("--templates");
                words.add(templates.toString());
            }
            return String.join(" ", words.stream().map(Batch::quote).toList());
        }

        private static String quote(String word) {
            return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
        }
    }
}
