package io.parallelplan.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Where the HTML and SVG renderers write: a buffer that, with a {@link Writer} behind it, passes its text on in
 * pieces of about 64 KiB at the points the renderers mark with {@link #spill()} (between nodes, rows, bars). So a
 * report of any size streams to its file with no more memory than one piece; without a writer it keeps everything
 * ({@link #toString()}).
 */
final class Markup {
    private static final int PIECE = 1 << 16;

    private final StringBuilder buffer;
    private final Writer out;

    /** Keeps everything written, for {@link #toString()}. */
    Markup(int capacity) {
        this.buffer = new StringBuilder(capacity);
        this.out = null;
    }

    /** Passes everything written on to {@code out}; call {@link #flush()} at the end. */
    Markup(Writer out) {
        this.buffer = new StringBuilder(PIECE + 4096);
        this.out = out;
    }

    Markup append(String s) {
        buffer.append(s);
        return this;
    }

    Markup append(CharSequence s) {
        buffer.append(s);
        return this;
    }

    Markup append(char[] chars, int offset, int length) {
        buffer.append(chars, offset, length);
        return this;
    }

    Markup append(char c) {
        buffer.append(c);
        return this;
    }

    Markup append(int i) {
        buffer.append(i);
        return this;
    }

    Markup append(long l) {
        buffer.append(l);
        return this;
    }

    /** Whether nothing has been written since this was made or last passed on. */
    boolean isEmpty() {
        return buffer.length() == 0;
    }

    /** A point between two elements: with a writer, pass the buffer on once it holds a piece. */
    void spill() {
        if (out != null && buffer.length() >= PIECE) {
            flush();
        }
    }

    /** Passes everything buffered on to the writer (nothing without one). */
    void flush() {
        if (out == null) {
            return;
        }
        try {
            out.append(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.setLength(0);
    }

    @Override
    public String toString() {
        return buffer.toString();
    }
}
