package io.parallelplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    @TempDir
    Path dir;

    private Path plan(String json) throws IOException {
        return CliRun.planFile(dir, json);
    }

    @Test
    void shouldWriteMermaidByDefault() throws IOException {
        CliRun run = CliRun.of("graph", plan(AnalyzeCommandTest.FEATURE).toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("flowchart LR\n", "subgraph level1[\"Level 1\"]", "n0 ==> n2",
                "class n0,n2 critical");
    }

    @Test
    void shouldWriteDotToAFile() throws IOException {
        Path out = dir.resolve("plan.dot");
        CliRun run = CliRun.of("graph", plan(AnalyzeCommandTest.FEATURE).toString(), "--format", "dot", "-o",
                out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith("digraph \"FEATURE\" {").contains("rank=same;")
                .contains("\"1.1\" -> \"2.1\" [color=\"#c0392b\", penwidth=3, style=bold];");
        if (Files.getFileStore(out).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .isEqualTo("rw-r--r--");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("parallel.json",
                    "plan.dot");
        }
    }

    @Test
    void shouldMoveTheCriticalPathWithTheEstimateBound() throws IOException {
        Path file = plan("""
                {"achievements": [
                  {"achievement_id": "wide", "estimated_hours": "1-9"},
                  {"achievement_id": "firm", "estimated_hours": 5}
                ]}
                """);
        assertThat(CliRun.of("graph", file.toString(), "--format", "dot").out())
                .contains("\"wide\" [label=\"wide\", color=");
        assertThat(CliRun.of("graph", file.toString(), "--format", "dot", "--estimates", "lower").out())
                .contains("\"firm\" [label=\"firm\", color=").contains("\"wide\" [label=\"wide\"];");
    }

    @Test
    void shouldRefuseAnInvalidPlanAndWriteNothing() throws IOException {
        Path file = plan("{\"achievements\": [{\"achievement_id\": \"a\", \"dependencies\": [\"a\", \"b\"]}]}");
        Path out = dir.resolve("graph.mmd");
        CliRun run = CliRun.of("graph", file.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("error [unknown-dependency] a:");
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldExplainAnUnwritableOutput() throws IOException {
        Path file = plan(AnalyzeCommandTest.FEATURE);
        CliRun missingFolder = CliRun.of("graph", file.toString(), "-o", dir.resolve("no/such/g.mmd").toString());
        assertThat(missingFolder.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(missingFolder.err()).contains("cannot write the graph").contains("folder exists");
        CliRun folder = CliRun.of("graph", file.toString(), "-o", dir.toString());
        assertThat(folder.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(folder.err()).contains("is a folder");
    }
}
