package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

import io.mongolatest.MongoLatestException;
import io.mongolatest.product.input.InputFile;
import io.mongolatest.product.records.InputLines;
import io.mongolatest.product.records.LineReader;

/**
 * Pass 2 over one input file: the text of the lines chosen as latest, asked for in ascending order and read
 * without parsing, the same code whatever engine builds. A line that is no longer the document pass 1 read
 * means the file changed during the build: a user error naming it.
 */
public final class ChosenLines implements Closeable {
    private final InputFile file;
    private final LineReader lines;

    public ChosenLines(InputFile file, LineReader lines) {
        this.file = requireNonNull(file, "file is null");
        this.lines = requireNonNull(lines, "lines is null");
    }

    /** The text of line {@code number} (1-based, after any asked for before), without the whitespace around it. */
    public byte[] text(long number) {
        try {
            while (lines.lineNumber() < number) {
                if (!lines.next()) {
                    throw changed(file, "it has fewer lines than before");
                }
            }
        } catch (IOException e) {
            throw InputLines.unreadable(file, e);
        }
        if (lines.isTooLong()) {
            throw changed(file, "line " + number + " is no longer the document read before");
        }
        return trimmed(file, lines.buffer(), lines.start(), lines.start() + lines.length(), "line " + number);
    }

    /**
     * The text of the line at byte {@code offset} ({@link InputLines#offsetPosition}, after any asked for
     * before), without the whitespace around it; the lines between are skipped, not read.
     */
    public byte[] textAt(long offset) {
        String where = "the line at byte " + offset;
        try {
            if (!lines.skipTo(offset) || !lines.next()) {
                throw changed(file, "it is shorter than before");
            }
        } catch (IOException e) {
            throw InputLines.unreadable(file, e);
        }
        if (lines.isTooLong()) {
            throw changed(file, where + " is no longer the document read before");
        }
        return trimmed(file, lines.buffer(), lines.start(), lines.start() + lines.length(), where);
    }

    /** {@code b[off..end)} without the whitespace around it; none left means the file changed ({@code where}). */
    private static byte[] trimmed(InputFile file, byte[] b, int off, int end, String where) {
        while (off < end && isSpace(b[off])) {
            off++;
        }
        while (end > off && isSpace(b[end - 1])) {
            end--;
        }
        if (off == end) {
            throw changed(file, where + " is no longer the document read before");
        }
        return Arrays.copyOfRange(b, off, end);
    }

    private static MongoLatestException changed(InputFile file, String why) {
        return MongoLatestException.user("input file " + file.relativePath() + " changed during the build: " + why);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
