package io.parallelplan.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
