package io.parallelplan.core.scaffold;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file operations a scaffold batch performs; tests replace it to inject failures. Creating a file must fail when
 * it exists: nothing is ever overwritten.
 */
public interface FileCreator {
    /** Creates one folder whose parent exists. */
    void createDirectory(Path dir) throws IOException;

    /** Creates a new file with this content; fails with {@link java.nio.file.FileAlreadyExistsException} if it exists. */
    void createFile(Path file, String content) throws IOException;

    /** Deletes a file or an empty folder. */
    void delete(Path path) throws IOException;

    /** Why a file could not be created, in words a user can act on. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied; make the folder writable (chmod u+w)";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "it appeared meanwhile and was not overwritten";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The real file system. */
    FileCreator SYSTEM = new FileCreator() {
        @Override
        public void createDirectory(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        @Override
        public void createFile(Path file, String content) throws IOException {
            boolean opened = false;
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                opened = true;
                w.write(content);
            } catch (IOException e) {
                if (opened) {
                    Files.deleteIfExists(file);
                }
                throw e;
            }
        }

        @Override
        public void delete(Path path) throws IOException {
            Files.delete(path);
        }
    };
}
