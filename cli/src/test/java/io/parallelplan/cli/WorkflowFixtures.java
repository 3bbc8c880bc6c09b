package io.parallelplan.cli;

import io.parallelplan.core.scaffold.FileCreator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Plan folders and command runs for the workflow command tests. */
final class WorkflowFixtures {
    private WorkflowFixtures() {}

    static final String PLAN_MD = """
            # PLAN: Demo

            ## Achievement Index

            **Achievement 1.1**: Parser (2-3h)
            **Achievement 1.2**: Printer (1h)
            **Achievement 2.1**: Report (2h)

            ## Achievements

            **Achievement 1.1: Parser** ⏱️ 2-3 hours
            - **Dependencies**: None
            - Turn the input into tokens.

            **Achievement 1.2: Printer** ⏱️ 1 hour
            - **Dependencies**: None

            **Achievement 2.1: Report** ⏱️ 2 hours
            - **Dependencies**: 1.1, 1.2
            """;

    static final String PARALLEL_JSON = """
            {
              "plan_name": "DEMO",
              "achievements": [
                {"achievement_id": "1.1", "title": "Parser", "estimated_hours": "2-3", "dependencies": []},
                {"achievement_id": "1.2", "title": "Printer", "estimated_hours": 1, "dependencies": []},
                {"achievement_id": "2.1", "title": "Report", "estimated_hours": 2, "dependencies": ["1.1", "1.2"]}
              ]
            }
            """;

    /** A plan folder {@code DEMO} with its PLAN markdown and parallel.json, and the given empty files. */
    static Path demo(Path parent, String... files) {
        Path folder = parent.resolve("DEMO");
        write(folder.resolve("PLAN_DEMO.md"), PLAN_MD);
        write(folder.resolve("parallel.json"), PARALLEL_JSON);
        for (String f : files) {
            write(folder.resolve(f), "# " + f + "\n");
        }
        return folder;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real file system, except that creating a file named {@code name} is denied. */
    static FileCreator denying(String name) {
        return new FileCreator() {
            @Override
            public void createDirectory(Path dir) throws IOException {
                FileCreator.SYSTEM.createDirectory(dir);
            }

            @Override
            public void createFile(Path file, String content) throws IOException {
                if (file.getFileName().toString().equals(name)) {
                    throw new AccessDeniedException(file.toString());
                }
                FileCreator.SYSTEM.createFile(file, content);
            }

            @Override
            public void delete(Path path) throws IOException {
                FileCreator.SYSTEM.delete(path);
            }
        };
    }

    /** The outcome of one command run. */
    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        return run(Cli.commandLine(), args);
    }

    static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
