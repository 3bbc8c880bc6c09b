package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspacePathTest {
    @ParameterizedTest
    @CsvSource({
        "plans/X/parallel.json, plans/X/parallel.json",
        "./plans//X/./parallel.json, plans/X/parallel.json",
        "plans/X/../Y/parallel.json, plans/Y/parallel.json",
        "plans\\X\\parallel.json, plans/X/parallel.json"
    })
    void shouldNormalizePathsInsideTheWorkspace(String written, String normal) {
        assertThat(WorkspacePath.normalize("file", written)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.json", "plans/../../x.json", "a/b/../../../etc/passwd"})
    void shouldRefusePathsThatLeaveTheWorkspace(String written) {
        assertThatThrownBy(() -> WorkspacePath.normalize("file", written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file '" + written + "' leads outside the workspace")
                .hasMessageContaining("relative to it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\p.json", "~/p.json"})
    void shouldRefuseAbsolutePaths(String written) {
        assertThatThrownBy(() -> WorkspacePath.normalize("file", written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is absolute; give a path relative to the workspace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ".", "a/.."})
    void shouldRefuseEmptyPathsAndTheWorkspaceItself(String written) {
        assertThatThrownBy(() -> WorkspacePath.normalize("planMarkdown", written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("planMarkdown ");
    }

    @Test
    void shouldReadAFileInsideTheWorkspace(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve("plans/X"));
        Files.writeString(workspace.resolve("plans/X/parallel.json"), "{\"achievements\": []}");

        assertThat(WorkspacePath.read(workspace, "file", "plans/X/parallel.json")).isEqualTo("{\"achievements\": []}");
    }

    @Test
    void shouldNameTheParameterAndTheFixForAMissingFile(@TempDir Path workspace) {
        assertThatThrownBy(() -> WorkspacePath.read(workspace, "planMarkdown", "plans/X/PLAN.md"))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("plans/X/PLAN.md: no such file in the workspace ")
                .hasMessageEndingWith("; check planMarkdown (relative to the workspace) or run checkout scm first");
    }

    @Test
    void shouldRefuseASymbolicLinkThatLeadsOutOfTheWorkspace(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(dir.resolve("secret.json"), "{}");
        Files.createSymbolicLink(workspace.resolve("parallel.json"), dir.resolve("secret.json"));

        assertThatThrownBy(() -> WorkspacePath.read(workspace, "file", "parallel.json"))
                .isInstanceOf(PipelineException.class)
                .hasMessage("file 'parallel.json' leads outside the workspace through a symbolic link; name a file"
                        + " inside the workspace");
    }

    @Test
    void shouldRefuseAFolderAndAHugeFile(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve("plans/X"));
        try (RandomAccessFile huge = new RandomAccessFile(workspace.resolve("big.json").toFile(), "rw")) {
            huge.setLength(WorkspacePath.MAX_BYTES + 1);
        }

        assertThatThrownBy(() -> WorkspacePath.read(workspace, "file", "plans/X"))
                .hasMessage("plans/X: is not a file; name the file itself, e.g. plans/X/parallel.json");
        assertThatThrownBy(() -> WorkspacePath.read(workspace, "file", "big.json"))
                .hasMessage("big.json: is larger than 64 MiB; is this the right file?");
    }
}
