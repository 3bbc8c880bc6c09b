package io.parallelplan.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Writes reports to files atomically (a temporary file beside the target, then a rename), in UTF-8, so a reader
 * never sees half a report and a failed write leaves the previous file in place.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** Writes the self-contained HTML report of the snapshot to {@code file}, as it is rendered. */
    public static void writeHtml(ReportSnapshot snapshot, Path file) {
        write(snapshot, ReportFormat.HTML, file);
    }

    /**
     * Writes the snapshot in {@code format} to {@code file}, creating missing parent folders.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(ReportSnapshot snapshot, ReportFormat format, Path file) {
        Objects.requireNonNull(format, "format cannot be null");
        write(file, out -> format.write(snapshot, out));
    }

    /** Writes {@code text} to {@code file} in UTF-8, atomically, creating missing parent folders. */
    public static void writeText(String text, Path file) {
        write(file, out -> out.write(text));
    }

    /** What a file is made of: text written as it is made, so that a large report needs little memory. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes what {@code content} writes to {@code file} in UTF-8, atomically, creating missing parent folders.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Path file, Content content) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            // A temporary file is private (rw-------): give the report the permissions of the file it replaces, or
            // the usual rw-r--r-- of a new file, so that a web server or a colleague can read it.
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.exists(target)
                        ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original error is the one worth reporting.
                }
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
