package io.parallelplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** One execution of the command line {@code main} builds for these arguments, with captured output. */
record CliRun(int exitCode, String out, String err) {
    /** Writes {@code json} as {@code dir/parallel.json} and returns that file. */
    static Path planFile(Path dir, String json) throws IOException {
        return Files.writeString(dir.resolve("parallel.json"), json);
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
