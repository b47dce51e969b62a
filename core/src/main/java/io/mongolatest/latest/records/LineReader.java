package io.mongolatest.latest.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n}, numbering them from 1. A {@code \r} before the
 * {@code \n} is not part of the line, nor is a UTF-8 byte order mark at the start of the stream. A line
 * longer than the limit is not kept: it is skipped to its end and reported as too long, with a preview.
 */
public final class LineReader implements Closeable {
    /** SPEC §7: a line over 16 MiB is a bad record. */
    public static final int MAX_LINE = 16 * 1024 * 1024;
    public static final int PREVIEW = 4096;

    private static final long NEWLINES = Words.repeated('\n');

    private final InputStream in;
    private final int maxLine;
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private long lineNumber;
    /** The stream offset of {@code buf[0]}. */
    private long base;
    private int lineStart;
    private int lineLength;
    private long tooLongLength = -1;
    private byte[] preview;

    LineReader(InputStream in) {
        this(in, MAX_LINE, 1 << 18);
    }

    LineReader(InputStream in, int maxLine, int initialBuffer) {
        this.in = in;
        this.maxLine = maxLine;
        this.buf = new byte[Math.min(initialBuffer, maxLine + 2)];
    }

    /** Moves to the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        tooLongLength = -1;
        preview = null;
        int scanFrom = start;
        while (true) {
            int nl = indexOfNewline(buf, scanFrom, end);
            if (nl >= 0) {
                take(start, nl - start);
                start = nl + 1;
                return true;
            }
            if (eof) {
                if (start < end) {
                    take(start, end - start);
                    start = end;
                    return true;
                }
                return false;
            }
            if (end - start > maxLine + 1) {
                skipLongLine();
                return true;
            }
            scanFrom = end - start;
            fill();
        }
    }

    public long lineNumber() {
        return lineNumber;
    }

    /** Where the current line's first byte is in the stream (after a byte order mark); not for a too-long line. */
    public long lineOffset() {
        return base + lineStart;
    }

    /**
     * Moves to byte {@code offset} of the stream, at or after where reading is, so that {@link #next()} reads
     * the line that starts there; what lies between is skipped (a seek on a file), and line numbers no
     * longer count lines. False when the stream ends before it.
     */
    public boolean skipTo(long offset) throws IOException {
        if (offset < base + start) {
            throw new IllegalArgumentException("offset " + offset + " is before " + (base + start));
        }
        if (offset <= base + end) {
            start = (int) (offset - base);
            return true;
        }
        long skip = offset - (base + end);
        base = offset;
        start = end = 0;
        while (skip > 0) {
            long n = in.skip(skip);
            if (n <= 0) {
                if (in.read() < 0) {
                    eof = true;
                    return false;
                }
                n = 1;
            }
            skip -= n;
        }
        return true;
    }

    /** The current line's bytes are {@code buffer()[start() .. start() + length())}, until the next call. */
    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return lineStart;
    }

    public int length() {
        return lineLength;
    }

    /** True when the current line is over the limit; only {@link #tooLongLength()} and {@link #preview()} are known. */
    public boolean isTooLong() {
        return tooLongLength >= 0;
    }

    public long tooLongLength() {
        return tooLongLength;
    }

    public byte[] preview() {
        return preview;
    }

    private void take(int from, int length) {
        lineNumber++;
        int len = length;
        if (len > 0 && buf[from + len - 1] == '\r') {
            len--;
        }
        int s = from;
        if (lineNumber == 1 && len >= 3 && buf[s] == (byte) 0xef && buf[s + 1] == (byte) 0xbb
                && buf[s + 2] == (byte) 0xbf) {
            s += 3;
            len -= 3;
        }
        if (len > maxLine) {
            tooLongLength = len;
            preview = Arrays.copyOfRange(buf, s, s + Math.min(len, PREVIEW));
        }
        lineStart = s;
        lineLength = len;
    }

    // Compacts the unread bytes to the front, grows the buffer when they fill it, and reads more.
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            base += start;
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxLine + 2L));
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private void skipLongLine() throws IOException {
        lineNumber++;
        preview = Arrays.copyOfRange(buf, start, start + Math.min(PREVIEW, end - start));
        long length = end - start;
        base += end;
        start = end = 0;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                break;
            }
            int nl = indexOfNewline(buf, 0, n);
            if (nl >= 0) {
                length += nl;
                start = nl + 1;
                end = n;
                break;
            }
            base += n;
            length += n;
        }
        tooLongLength = length;
        lineLength = 0;
    }

    /** The first {@code \n} in {@code b[from..to)}, or -1; eight bytes at a time. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long found = Words.zeroBytes(Words.at(b, i) ^ NEWLINES);
            if (found != 0) {
                return i + Words.firstFlagged(found);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
