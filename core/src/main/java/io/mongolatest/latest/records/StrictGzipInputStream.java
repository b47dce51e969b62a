package io.mongolatest.latest.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The decompressed bytes of a gzip file (RFC 1952) of one or more members, as {@code cat a.gz b.gz} and
 * parallel compressors write it: every member is read and checked (header, CRC-32, length), and anything that
 * is not a whole, valid member fails with a {@link ZipException} naming the byte of the compressed file where
 * the problem is. {@link java.util.zip.GZIPInputStream} instead stops without a word at a later member whose
 * header is bad, and ignores bytes after the last member: the lines there would be lost.
 */
final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;
    private static final int DEFLATE = 8;

    private final InputStream in;
    private final byte[] buf;
    /** {@code buf[pos..lim)} is read and not yet used; while a member's data is inflated, the inflater holds it. */
    private int pos;
    private int lim;
    /** The file offset of {@code buf[0]}. */
    private long bufStart;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    /** The current member's number, from 1; 0 before the first. */
    private int member;
    /** Bytes inflated from the current member. */
    private long memberSize;
    /** Between a member's header and its trailer. */
    private boolean inMember;
    private boolean ended;
    private byte[] skipBuffer;

    StrictGzipInputStream(InputStream in, int bufferSize) {
        this.in = Objects.requireNonNull(in, "in is null");
        this.buf = new byte[bufferSize];
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                if (member > 0 && pos == lim && !fill()) {
                    ended = true;
                    break;
                }
                readHeader();
                continue;
            }
            if (inflater.needsInput()) {
                if (pos == lim && !fill()) {
                    throw truncated();
                }
                inflater.setInput(buf, pos, lim - pos);
                pos = lim; // what the member leaves over is given back when it finishes
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw problem(inflated(), "gzip member " + member + " is corrupt ("
                        + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberSize += n;
                return n;
            }
            if (inflater.finished()) {
                pos = lim - inflater.getRemaining();
                readTrailer();
            } else if (inflater.needsDictionary()) {
                throw problem(inflated(), "gzip member " + member
                        + " is corrupt (it asks for a preset dictionary)");
            }
        }
        return -1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Skips by inflating: the members must be checked all the same. */
    @Override
    public long skip(long n) throws IOException {
        if (skipBuffer == null) {
            skipBuffer = new byte[buf.length];
        }
        long left = n;
        while (left > 0) {
            int r = read(skipBuffer, 0, (int) Math.min(left, skipBuffer.length));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    private void readHeader() throws IOException {
        member++;
        long start = offset();
        headerCrc.reset();
        if (headerByte() != 0x1f || headerByte() != 0x8b) {
            throw problem(start, member == 1 ? "not gzip (bad magic number)"
                    : "no gzip member starts here, after member " + (member - 1)
                            + " (bad magic number): a corrupt member or trailing bytes");
        }
        int method = headerByte();
        if (method != DEFLATE) {
            throw problem(start + 2, "gzip member " + member + " has the unknown compression method " + method);
        }
        int flags = headerByte();
        if ((flags & RESERVED) != 0) {
            throw problem(start + 3, String.format("gzip member %d has reserved flag bits set (0x%02x)", member,
                    flags & RESERVED));
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            headerByte();
        }
        if ((flags & FEXTRA) != 0) {
            int length = headerByte() | headerByte() << 8;
            for (int i = 0; i < length; i++) {
                headerByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte() != 0) {
                // the original file name, to its terminating zero
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte() != 0) {
                // the comment, to its terminating zero
            }
        }
        if ((flags & FHCRC) != 0) {
            long at = offset();
            long expected = headerCrc.getValue() & 0xffff;
            if ((headerByte() | headerByte() << 8) != expected) {
                throw problem(at, "the header checksum of gzip member " + member + " does not match its header");
            }
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
        inMember = true;
    }

    private void readTrailer() throws IOException {
        long at = offset();
        if (readInt() != crc.getValue()) {
            throw problem(at, "the CRC-32 of gzip member " + member + " does not match its data");
        }
        if (readInt() != (memberSize & 0xffffffffL)) {
            throw problem(at + 4, "the length of gzip member " + member + " does not match its data");
        }
        inMember = false;
    }

    /** A little-endian unsigned 32-bit number. */
    private long readInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) nextByte() << (8 * i);
        }
        return v;
    }

    /** The next byte of a header, counted into its checksum. */
    private int headerByte() throws IOException {
        int c = nextByte();
        headerCrc.update(c);
        return c;
    }

    private int nextByte() throws IOException {
        if (pos == lim && !fill()) {
            throw truncated();
        }
        return buf[pos++] & 0xff;
    }

    /** Reads the next block of the file into the empty buffer; false at its end. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        bufStart += lim;
        pos = 0;
        lim = n;
        return true;
    }

    /** The file offset just after the bytes the inflater has used: near where it found a problem. */
    private long inflated() {
        return bufStart + lim - inflater.getRemaining();
    }

    /** The file offset of the next byte not yet used. */
    private long offset() {
        return bufStart + pos;
    }

    private ZipException truncated() {
        return problem(bufStart + lim, "the file ends inside gzip member " + member);
    }

    private static ZipException problem(long at, String what) {
        return new ZipException("bad gzip data at byte " + at + ": " + what);
    }
}
