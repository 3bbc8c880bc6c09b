package io.parallelplan.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a journal line by line with byte offsets. A last line that is unterminated or does not parse is torn (the
 * writer was killed mid-line; the call that wrote it never returned) and is dropped; any other bad line is an error.
 */
final class JournalReader implements Closeable {
    private final Path file;
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private long position;
    private int lineNumber;
    private long tornAt = -1;

    JournalReader(Path file, long offset, int linesBefore) {
        this.file = file;
        try {
            InputStream raw = Files.newInputStream(file);
            raw.skipNBytes(offset);
            this.in = new BufferedInputStream(raw, 1 << 16);
        } catch (IOException e) {
            throw new LedgerException(file, "cannot read the journal: " + e.getMessage(), e);
        }
        this.position = offset;
        this.lineNumber = linesBefore;
    }

    /** The next complete line as JSON, or {@code null} at the end (a torn last line is dropped). */
    JsonNode next() {
        try {
            buffer.reset();
            long start = position;
            int b;
            while ((b = in.read()) != -1) {
                position++;
                if (b == '\n') {
                    lineNumber++;
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    try {
                        return RunJson.mapper().readTree(text);
                    } catch (JsonProcessingException e) {
                        if (atEnd()) {
                            tornAt = start;
                            return null;
                        }
                        throw new LedgerException(file, "line " + lineNumber + " is damaged ("
                                + e.getOriginalMessage() + "); the journal cannot be trusted past it", e);
                    }
                }
                buffer.write(b);
            }
            if (buffer.size() > 0) {
                tornAt = start;
            }
            return null;
        } catch (IOException e) {
            throw new LedgerException(file, "cannot read the journal: " + e.getMessage(), e);
        }
    }

    private boolean atEnd() throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        return b == -1;
    }

    /** The line number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** Bytes consumed by complete lines so far. */
    long position() {
        return tornAt >= 0 ? tornAt : position;
    }

    /** Whether a torn last line was dropped. */
    boolean torn() {
        return tornAt >= 0;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new LedgerException(file, "cannot close the journal: " + e.getMessage(), e);
        }
    }
}
