package io.parallelplan.cli;

import io.parallelplan.core.prompt.PromptBatch;
import io.parallelplan.core.prompt.PromptRequest;
import io.parallelplan.core.prompt.Prompter;
import io.parallelplan.core.scaffold.FileCreator;
import io.parallelplan.core.scaffold.ScaffoldException;
import io.parallelplan.core.scaffold.ScaffoldKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parallel-plan prompt subplan|execution}: one Markdown prompt per chosen achievement, which an executor (a
 * person or a language-model session) follows alone to write its SUBPLAN or carry out its EXECUTION_TASK.
 */
@Command(
        name = "prompt",
        mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = "Write the prompts that tell executors how to write the SUBPLAN or the EXECUTION_TASK of a batch"
                + " of achievements.",
        subcommands = {PromptCommand.Subplan.class, PromptCommand.Execution.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {PromptCommand.EXIT_OK, PromptCommand.EXIT_REFUSED, PromptCommand.EXIT_INVALID})
final class PromptCommand {
    static final String EXIT_OK = "0:every chosen achievement got its prompt (listed only, with --dry-run), or none"
            + " can be done now";
    static final String EXIT_REFUSED = "1:some were refused (each listed with its reason; the others were written),"
            + " the --batch -o file exists, or a prompt could not be written";
    static final String EXIT_INVALID = "2:no readable or valid plan, unknown or hostile id, level out of range, or"
            + " bad usage";

    /** How prompt files are created (never overwriting); tests replace it to inject failures. */
    FileCreator files = FileCreator.SYSTEM;

    /** {@code prompt subplan}. */
    @Command(
            name = "subplan",
            mixinStandardHelpOptions = true,
            versionProvider = App.Version.class,
            description = {
                "A prompt per achievement asking for its SUBPLAN (subplans/SUBPLAN_<PLAN>_<nn>.md, the name scaffold"
                        + " uses): the achievement, its PLAN section as written, its dependencies and their reviews,"
                        + " what to read first and the parts a SUBPLAN has (approach, deliverables, checks).",
                "Without --batch each prompt goes to -o DIR as PROMPT_SUBPLAN_<PLAN>_<nn>.md; prompt files are never"
                        + " overwritten."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {PromptCommand.EXIT_OK, PromptCommand.EXIT_REFUSED, PromptCommand.EXIT_INVALID})
    static final class Subplan extends Prompts {
        @Override
        ScaffoldKind kind() {
            return ScaffoldKind.SUBPLANS;
        }
    }

    /** {@code prompt execution}. */
    @Command(
            name = "execution",
            mixinStandardHelpOptions = true,
            versionProvider = App.Version.class,
            description = {
                "A prompt per achievement asking for its first EXECUTION_TASK"
                        + " (execution/EXECUTION_TASK_<PLAN>_<nn>_01.md, the name scaffold uses): the SUBPLAN it"
                        + " follows (quoted), the PLAN section, its dependencies and the feedback loop (APPROVED or"
                        + " FIX, then FIX_<nn>_RESOLUTION.md). Refused where the SUBPLAN does not exist.",
                "Without --batch each prompt goes to -o DIR as PROMPT_EXECUTION_TASK_<PLAN>_<nn>_01.md; prompt files"
                        + " are never overwritten."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {PromptCommand.EXIT_OK, PromptCommand.EXIT_REFUSED, PromptCommand.EXIT_INVALID})
    static final class Execution extends Prompts {
        @Override
        ScaffoldKind kind() {
            return ScaffoldKind.EXECUTIONS;
        }
    }

    /** Which achievements: listed ids, one level, or what can be done now. */
    static final class Selection {
        @Option(names = "--ids", paramLabel = "ID", split = ",", description = "these achievements (comma-separated)")
        List<String> ids;

        @Option(names = "--level", paramLabel = "N", description = "the achievements of level N (0: no dependencies)")
        Integer level;

        @Option(names = "--ready", description = "what 'parallel-plan status' lists as can be done now (the default)")
        boolean ready;
    }

    /** Options and behaviour shared by both kinds. */
    abstract static class Prompts implements Callable<Integer> {
        @ParentCommand
        PromptCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<plan-folder>", description = "the plan folder or its parallel.json")
        Path plan;

        @ArgGroup(exclusive = true)
        Selection selection;

        @Option(names = "--batch",
                description = "all prompts as one numbered document, to stdout or to -o FILE")
        boolean batch;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR|FILE",
                description = "without --batch: the folder for the prompt files (created if missing); with --batch:"
                        + " the document's file (never overwritten)")
        Path output;

        @Option(names = "--ignore-deps",
                description = "also write prompts for achievements whose dependencies are not APPROVED (or SKIPPED)")
        boolean ignoreDeps;

        @Option(names = "--dry-run", description = "list the prompts that would be written and the refusals; write"
                + " nothing")
        boolean dryRun;

        abstract ScaffoldKind kind();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String usage = usageProblem();
            if (usage != null) {
                err.println("parallel-plan: " + usage);
                err.println("Try '" + spec.qualifiedName() + " --help' for more information.");
                return ExitCodes.INVALID;
            }
            PromptBatch prompts;
            try {
                prompts = new Prompter().prepare(plan, new PromptRequest(kind(),
                        selection == null ? null : selection.level,
                        selection == null || selection.ids == null ? List.of() : selection.ids,
                        ignoreDeps, batch ? null : output));
            } catch (ScaffoldException e) {
                err.println("parallel-plan: " + e.getMessage());
                return ExitCodes.INVALID;
            }
            // Every refusal is told before anything is written.
            for (PromptBatch.Refusal r : prompts.refusals()) {
                err.println("parallel-plan: refused " + r.id() + ": " + r.reason());
            }
            boolean documentExists = batch && output != null && Files.exists(output);
            if (documentExists) {
                err.println("parallel-plan: " + output + " exists and is not overwritten; remove it or choose another"
                        + " -o file");
            }
            int code = prompts.refusals().isEmpty() && !documentExists ? ExitCodes.OK : ExitCodes.FAILURE;
            // With --batch and no -o, stdout is the document alone.
            PrintWriter info = batch && output == null ? err : out;
            if (prompts.prompts().isEmpty()) {
                info.println(prompts.refusals().isEmpty()
                        ? "Nothing can be done now, so there is no prompt to write (see 'parallel-plan status')."
                        : "No prompt written: every chosen achievement was refused.");
                return code;
            }
            if (dryRun) {
                String document = output == null ? "stdout" : output.toString();
                for (int i = 0; i < prompts.prompts().size(); i++) {
                    PromptBatch.Prompt p = prompts.prompts().get(i);
                    info.println("  would write " + (batch
                            ? "prompt " + (i + 1) + " of " + prompts.prompts().size() + " to " + document
                            : output.resolve(p.fileName()).toString()) + "  (" + p.id() + " -> " + p.target() + ")");
                }
                info.println("Dry run: nothing written.");
                return code;
            }
            if (documentExists) {
                return code;
            }
            return batch ? writeDocument(out, err, prompts, code) : writeFiles(info, err, prompts, code);
        }

        private String usageProblem() {
            if (!batch && output == null) {
                return "pass -o DIR to write one prompt file per achievement, or --batch to print them all as one"
                        + " document";
            }
            if (!batch && Files.exists(output) && !Files.isDirectory(output)) {
                return output + " is a file; without --batch, -o names a folder (or pass --batch to write one"
                        + " document there)";
            }
            if (batch && output != null && Files.isDirectory(output)) {
                return output + " is a folder; with --batch, -o names the document's file (or drop --batch to"
                        + " write one file per prompt there)";
            }
            return null;
        }

        private int writeDocument(PrintWriter out, PrintWriter err, PromptBatch prompts, int code) {
            String document = prompts.document();
            if (output == null) {
                out.print(document);
                out.flush();
                err.println("Printed " + count(prompts.prompts().size()) + refusedNote(prompts) + ".");
                return code;
            }
            try {
                parent.files.createFile(output, document);
            } catch (IOException e) {
                err.println("parallel-plan: could not write " + output + ": " + FileCreator.reason(e));
                return ExitCodes.FAILURE;
            }
            out.println("Wrote " + output + " (" + count(prompts.prompts().size()) + refusedNote(prompts) + ").");
            return code;
        }

        private int writeFiles(PrintWriter out, PrintWriter err, PromptBatch prompts, int code) {
            try {
                Files.createDirectories(output);
            } catch (IOException e) {
                err.println("parallel-plan: could not create the folder " + output + ": " + FileCreator.reason(e));
                return ExitCodes.FAILURE;
            }
            int written = 0;
            for (PromptBatch.Prompt p : prompts.prompts()) {
                Path file = output.resolve(p.fileName());
                try {
                    parent.files.createFile(file, p.text());
                    out.println("Wrote " + file + "  (" + p.id() + " -> " + p.target() + ")");
                    written++;
                } catch (IOException e) {
                    err.println("parallel-plan: could not write " + file + ": " + FileCreator.reason(e));
                    code = ExitCodes.FAILURE;
                }
            }
            out.println("Wrote " + written + " of " + prompts.prompts().size() + " prompts" + refusedNote(prompts)
                    + ".");
            return code;
        }

        private static String count(int prompts) {
            return prompts + (prompts == 1 ? " prompt" : " prompts");
        }

        private static String refusedNote(PromptBatch prompts) {
            int n = prompts.refusals().size();
            return n == 0 ? "" : "; " + n + " refused";
        }
    }
}
