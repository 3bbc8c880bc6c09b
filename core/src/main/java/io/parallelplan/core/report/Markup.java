package io.parallelplan.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Text on its way to a {@link Writer}: a buffer that passes what it holds on in pieces of about 64 KiB at the points
 * its writer marks with {@link #spill()} (between the nodes, rows and bars of a report, after each line of a dry
 * run's start order). So output of any size streams with no more memory than one piece, and without a flush per
 * line; without a writer it keeps everything ({@link #toString()}).
 */
public final class Markup {
    private static final int PIECE = 1 << 16;

    private final StringBuilder buffer;
    private final Writer out;
    private char[] piece = new char[0];

    /** Keeps everything written, for {@link #toString()}. */
    public Markup(int capacity) {
        this.buffer = new StringBuilder(capacity);
        this.out = null;
    }

    /** Passes everything written on to {@code out}; call {@link #flush()} at the end. */
    public Markup(Writer out) {
        this.buffer = new StringBuilder(PIECE + 4096);
        this.out = out;
    }

    public Markup append(String s) {
        buffer.append(s);
        return this;
    }

    public Markup append(CharSequence s) {
        buffer.append(s);
        return this;
    }

    public Markup append(char[] chars, int offset, int length) {
        buffer.append(chars, offset, length);
        return this;
    }

    public Markup append(char c) {
        buffer.append(c);
        return this;
    }

    public Markup append(int i) {
        buffer.append(i);
        return this;
    }

    public Markup append(long l) {
        buffer.append(l);
        return this;
    }

    /** The characters held since this was made or last passed on. */
    public int length() {
        return buffer.length();
    }

    /** Whether nothing has been written since this was made or last passed on. */
    public boolean isEmpty() {
        return buffer.length() == 0;
    }

    /** A point between two elements: with a writer, pass the buffer on once it holds a piece. */
    public void spill() {
        if (out != null && buffer.length() >= PIECE) {
            flush();
        }
    }

    /**
     * Passes everything buffered on to the writer (nothing without one), through one reused array: no string is
     * made of it.
     *
     * @throws UncheckedIOException when the writer fails
     */
    public void flush() {
        if (out == null) {
            return;
        }
        int n = buffer.length();
        if (piece.length < n) {
            piece = new char[Math.max(n, PIECE + 4096)];
        }
        buffer.getChars(0, n, piece, 0);
        try {
            out.write(piece, 0, n);
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
