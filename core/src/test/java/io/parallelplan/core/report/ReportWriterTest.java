package io.parallelplan.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path tmp;

    @Test
    void shouldWriteIntoNewFoldersReadableByOthersAndLeaveNoTemporaryFile() throws Exception {
        Path file = tmp.resolve("a/b/report.xml");
        ReportWriter.write(ReportFixtures.run(), ReportFormat.JUNIT, file);
        assertThat(Files.readString(file)).startsWith("<?xml").contains("<testsuites");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldKeepThePermissionsOfTheReportItReplaces() throws Exception {
        Path file = tmp.resolve("report.html");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        ReportWriter.writeHtml(ReportFixtures.run(), file);
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    }

    @Test
    void shouldNameTheFileWhenItCannotWrite() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> ReportWriter.writeHtml(ReportFixtures.run(), blocker.resolve("report.html")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + blocker.resolve("report.html"));
    }

    @Test
    void shouldWriteContentAsItComesAndKeepTheOldFileWhenItFails() throws Exception {
        Path file = tmp.resolve("report.html");
        ReportWriter.write(file, out -> {
            out.write("first ");
            out.write("second");
        });
        assertThat(Files.readString(file)).isEqualTo("first second");
        assertThatThrownBy(() -> ReportWriter.write(file, out -> {
            out.write("half a report");
            throw new java.io.IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessage("cannot write " + file + ": disk full");
        assertThat(Files.readString(file)).isEqualTo("first second");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }
}
