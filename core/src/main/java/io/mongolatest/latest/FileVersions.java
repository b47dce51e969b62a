package io.mongolatest.latest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.records.BadReason;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.latest.records.LineReader;
import io.mongolatest.latest.records.RecordParser;
import io.mongolatest.latest.records.Utf8;

/**
 * Pass 1 over one input file: every version of every document, read with the record rules (SPEC §7), the
 * same code whatever engine builds: DuckDB's row sources and Spark's tasks both drive it. Blank lines are
 * counted; bad lines are counted and handed to {@link BadLines}. Not thread-safe: one per reader.
 */
public final class FileVersions implements AutoCloseable {
    private final LineReader lines;
    private final int fileIndex;
    private final InputFile file;
    private final BadLines bad;
    private final RecordParser parser = new RecordParser();
    private final LineTally tally = new LineTally();

    /**
     * @param fileIndex the file's place in its collection's file order, part of every version's position
     */
    public FileVersions(LineReader lines, int fileIndex, InputFile file, BadLines bad) {
        this.lines = requireNonNull(lines, "lines is null");
        this.fileIndex = fileIndex;
        this.file = requireNonNull(file, "file is null");
        this.bad = requireNonNull(bad, "bad is null");
    }

    /** Moves to the next loadable version; false at the end of the file. */
    public boolean next() {
        try {
            while (lines.next()) {
                tally.line();
                if (lines.isTooLong()) {
                    byte[] p = lines.preview();
                    bad(BadReason.TOO_LONG, "the line has " + lines.tooLongLength() + " bytes, over the limit of "
                            + LineReader.MAX_LINE, p, 0, p.length, lines.tooLongLength());
                    continue;
                }
                byte[] b = lines.buffer();
                int off = lines.start();
                int len = lines.length();
                if (InputLines.isBlank(b, off, len)) {
                    tally.blank();
                    continue;
                }
                if (!Utf8.isValid(b, off, len)) {
                    bad(BadReason.INVALID_UTF8, "the line is not valid UTF-8", b, off, len, len);
                    continue;
                }
                parser.parse(b, off, len);
                if (parser.bad != null) {
                    bad(parser.bad, parser.problem, b, off, len, len);
                    continue;
                }
                tally.loaded();
                return true;
            }
            return false;
        } catch (IOException e) {
            throw InputLines.unreadable(file, e);
        }
    }

    private void bad(BadReason reason, String problem, byte[] b, int off, int len, long fullLength) {
        tally.bad(reason);
        bad.add(file.relativePath(), lines.lineNumber(), reason, problem, b, off, len, fullLength);
    }

    /** The version's position: file index and line number; ties of version time go to the greater. */
    public long position() {
        return InputLines.position(fileIndex, lines.lineNumber());
    }

    /** The version's position by byte offset ({@link InputLines#offsetPosition}): ordered as {@link #position()}. */
    public long offsetPosition() {
        return InputLines.offsetPosition(fileIndex, lines.lineOffset());
    }

    /** The canonical id, as UTF-8 JSON text. */
    public byte[] id() {
        return parser.id;
    }

    /** The version time in microseconds since the epoch, UTC. */
    public long versionMicros() {
        return parser.versionMicros;
    }

    /** The nanoseconds of the version time below the microsecond, for ties microseconds cannot tell. */
    public int versionNanos() {
        return parser.versionNanos;
    }

    public boolean hasCreated() {
        return parser.hasCreated;
    }

    /** {@code createdDateTime} in microseconds, when {@link #hasCreated()}. */
    public long createdMicros() {
        return parser.createdMicros;
    }

    public boolean removed() {
        return parser.removed;
    }

    /** The lines this reader has seen so far. */
    public LineTally tally() {
        return tally;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
