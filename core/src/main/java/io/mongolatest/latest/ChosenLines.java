package io.mongolatest.latest;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.records.IdDigest;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.latest.records.LineReader;
import io.mongolatest.latest.records.RecordParser;

/**
 * Pass 2 over one input file: the text of the lines chosen as latest, asked for in ascending order and read
 * without the rest, the same code whatever engine builds. Each line read must still carry the id pass 1 chose
 * for it (read only as far as its {@code _id}, to stay cheap): a line that does not means the file changed
 * during the build, a user error naming it (the file's size and time can stay the same when it is rewritten
 * in place).
 */
public final class ChosenLines implements Closeable {
    private final InputFile file;
    private final LineReader lines;
    private final RecordParser parser = new RecordParser();

    public ChosenLines(InputFile file, LineReader lines) {
        this.file = requireNonNull(file, "file is null");
        this.lines = requireNonNull(lines, "lines is null");
    }

    /**
     * The text of line {@code number} (1-based, after any asked for before), without the whitespace around it,
     * which must be a record with the canonical id {@code id}.
     */
    public byte[] text(long number, byte[] id) {
        try {
            while (lines.lineNumber() < number) {
                if (!lines.next()) {
                    throw InputLines.changed(file, "it has fewer lines than before");
                }
            }
        } catch (IOException e) {
            throw InputLines.unreadable(file, e);
        }
        String where = "line " + number;
        byte[] text = current(where);
        if (!Arrays.equals(idOf(text), id)) {
            throw notTheSame(where);
        }
        return text;
    }

    /**
     * The text of the line at byte {@code offset} ({@link InputLines#offsetPosition}, after any asked for
     * before), without the whitespace around it, which must be a record whose id has the digest {@code idDigest};
     * the lines between are skipped, not read.
     */
    public byte[] textAt(long offset, long idDigest) {
        String where = "the line at byte " + offset;
        try {
            if (!lines.skipTo(offset) || !lines.next()) {
                throw InputLines.changed(file, "it is shorter than before");
            }
        } catch (IOException e) {
            throw InputLines.unreadable(file, e);
        }
        byte[] text = current(where);
        byte[] id = idOf(text);
        if (id == null || IdDigest.of(id) != idDigest) {
            throw notTheSame(where);
        }
        return text;
    }

    /** The line just read without the whitespace around it; none left means the file changed. */
    private byte[] current(String where) {
        if (lines.isTooLong()) {
            throw notTheSame(where);
        }
        byte[] b = lines.buffer();
        int off = lines.start();
        int end = off + lines.length();
        while (off < end && isSpace(b[off])) {
            off++;
        }
        while (end > off && isSpace(b[end - 1])) {
            end--;
        }
        if (off == end) {
            throw notTheSame(where);
        }
        return Arrays.copyOfRange(b, off, end);
    }

    /** The canonical id {@code text} carries, or null when it carries none (any more). */
    private byte[] idOf(byte[] text) {
        return parser.idOf(text, 0, text.length);
    }

    private MongoLatestException notTheSame(String where) {
        return InputLines.changed(file, where + " is no longer the document read before");
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
