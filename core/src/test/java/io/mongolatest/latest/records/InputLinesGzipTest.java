package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StoredObject;
import io.mongolatest.storage.local.LocalInputStore;

/**
 * Gzip input files with several members (as {@code cat a.gz b.gz} or parallel compressors write them): every
 * member is read, and anything that is not a whole, valid member fails naming the file and the byte of the
 * compressed file where the problem is.
 */
class InputLinesGzipTest {
    private static final String NAME = "a.json.gz";

    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The input file {@value #NAME}, holding {@code bytes}. */
    private InputFile written(byte[] bytes) throws IOException {
        Files.write(dir.resolve(NAME), bytes);
        Snapshot snapshot = new Snapshot(SnapshotType.FULL, "2024-03-01_00-00-00", LocalDateTime.of(2024, 3, 1, 0, 0));
        return new InputFile(snapshot, new StoredObject(NAME, bytes.length, "x"));
    }

    /** What reading the file {@code bytes} gives, decompressed; a failure to read named as the build names it. */
    private String read(byte[] bytes) throws IOException {
        InputFile file = written(bytes);
        try (InputStream in = InputLines.openBytes(new LocalInputStore(LocalLocation.of(dir)), file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputLines.unreadable(file, e);
        }
    }

    private void assertFailsAt(byte[] bytes, long offset, String problem) {
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(MongoLatestException.class)
                .hasMessage("cannot read input file " + NAME + ": bad gzip data at byte " + offset + ": " + problem);
    }

    @Test
    void everyMemberIsRead() throws IOException {
        assertThat(read(concat(gzip("{\"_id\": 1}\n"), gzip("{\"_id\": 2}\n"), gzip(""), gzip("{\"_id\": 3}\n"))))
                .isEqualTo("{\"_id\": 1}\n{\"_id\": 2}\n{\"_id\": 3}\n");
    }

    @Test
    void aLargeMemberFollowedByAnotherIsReadWhole() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            big.append("{\"_id\": ").append(i).append("}\n");
        }
        assertThat(read(concat(gzip(big.toString()), gzip("{\"_id\": \"last\"}\n"))))
                .isEqualTo(big + "{\"_id\": \"last\"}\n");
    }

    @Test
    void aLineIsFoundByItsOffsetAcrossMembers() throws IOException {
        byte[] bytes = concat(gzip("{\"_id\": 1}\n"), gzip("{\"_id\": 2}\n{\"_id\": 3}\n"));
        InputFile file = written(bytes);
        try (LineReader lines = InputLines.open(new LocalInputStore(LocalLocation.of(dir)), file)) {
            assertThat(lines.skipTo(22)).isTrue(); // the second line of the second member, skipped to
            assertThat(lines.next()).isTrue();
            assertThat(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"_id\": 3}");
            assertThat(lines.next()).isFalse();
        }
    }

    @Test
    void headerFieldsOfEveryFlagAreSkipped() throws IOException {
        byte[] text = "{\"_id\": 1}\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        // FHCRC | FEXTRA | FNAME | FCOMMENT, then MTIME, XFL, OS.
        header.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        header.writeBytes(new byte[] {5, 0, 'A', 'b', 3, 0, 'x'}); // XLEN 5: one subfield with 3 bytes
        header.writeBytes("a.json\0".getBytes(StandardCharsets.ISO_8859_1));
        header.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        CRC32 headerCrc = new CRC32();
        headerCrc.update(header.toByteArray());
        header.write((int) headerCrc.getValue() & 0xff);
        header.write((int) (headerCrc.getValue() >>> 8) & 0xff);
        byte[] member = concat(header.toByteArray(), deflateRaw(text), trailer(text));
        assertThat(read(concat(gzip("{\"_id\": 0}\n"), member))).isEqualTo("{\"_id\": 0}\n{\"_id\": 1}\n");

        byte[] badHeaderCrc = concat(gzip("{\"_id\": 0}\n"), member);
        int crcAt = gzip("{\"_id\": 0}\n").length + header.size() - 2;
        badHeaderCrc[crcAt] ^= 1;
        assertFailsAt(badHeaderCrc, crcAt, "the header checksum of gzip member 2 does not match its header");
    }

    @Test
    void aLaterMemberWithABadMagicNumberFails() throws IOException {
        byte[] first = gzip("{\"_id\": 1}\n");
        byte[] second = gzip("{\"_id\": 2}\n");
        second[1] = (byte) 0x8c;
        assertFailsAt(concat(first, second), first.length,
                "no gzip member starts here, after member 1 (bad magic number): a corrupt member or trailing bytes");
    }

    @Test
    void aLaterMemberWithReservedFlagBitsFails() throws IOException {
        byte[] first = gzip("{\"_id\": 1}\n");
        byte[] second = gzip("{\"_id\": 2}\n");
        second[3] = (byte) 0xe0;
        assertFailsAt(concat(first, second), first.length + 3, "gzip member 2 has reserved flag bits set (0xe0)");
    }

    @Test
    void anUnknownCompressionMethodFails() throws IOException {
        byte[] first = gzip("{\"_id\": 1}\n");
        first[2] = 7;
        assertFailsAt(first, 2, "gzip member 1 has the unknown compression method 7");
    }

    @Test
    void aTruncatedLaterMemberFails() throws IOException {
        byte[] first = gzip("{\"_id\": 1}\n");
        byte[] second = gzip("{\"_id\": 2}\n");
        byte[] cut = concat(first, Arrays.copyOf(second, second.length - 5));
        assertFailsAt(cut, cut.length, "the file ends inside gzip member 2");
        byte[] inHeader = concat(first, Arrays.copyOf(second, 6));
        assertFailsAt(inHeader, inHeader.length, "the file ends inside gzip member 2");
    }

    @Test
    void trailingBytesAfterTheLastMemberFail() throws IOException {
        byte[] first = gzip("{\"_id\": 1}\n");
        String problem = "no gzip member starts here, after member 1 (bad magic number): a corrupt member or"
                + " trailing bytes";
        assertFailsAt(concat(first, "garbage\n".getBytes(StandardCharsets.UTF_8)), first.length, problem);
        assertFailsAt(concat(first, new byte[] {0}), first.length, problem);
        assertFailsAt(concat(first, new byte[] {0x1f}), first.length + 1, "the file ends inside gzip member 2");
    }

    @Test
    void aMemberWhoseDataDoesNotMatchItsTrailerFails() throws IOException {
        byte[] first = gzip("{\"_id\": 1}\n");
        byte[] crc = first.clone();
        crc[crc.length - 8] ^= 1;
        assertFailsAt(crc, crc.length - 8, "the CRC-32 of gzip member 1 does not match its data");
        byte[] size = first.clone();
        size[size.length - 4] ^= 1;
        assertFailsAt(size, size.length - 4, "the length of gzip member 1 does not match its data");
    }

    @Test
    void corruptCompressedDataFails() throws IOException {
        byte[] first = gzip("{\"_id\": 1}\n");
        byte[] second = gzip("{\"_id\": 2}\n");
        second[10] = (byte) 0xff; // block type 3 does not exist
        assertThatThrownBy(() -> read(concat(first, second))).isInstanceOf(MongoLatestException.class)
                .hasMessageStartingWith("cannot read input file " + NAME + ": bad gzip data at byte ")
                .hasMessageContaining("gzip member 2 is corrupt");
    }

    @Test
    void notGzipAtAllFailsAtByteZero() {
        assertFailsAt("{\"_id\": 1}\n".getBytes(StandardCharsets.UTF_8), 0, "not gzip (bad magic number)");
    }

    private static byte[] deflateRaw(byte[] text) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(text);
        d.finish();
        byte[] buf = new byte[text.length + 64];
        int n = d.deflate(buf);
        d.end();
        return Arrays.copyOf(buf, n);
    }

    private static byte[] trailer(byte[] text) {
        CRC32 crc = new CRC32();
        crc.update(text);
        long c = crc.getValue();
        int n = text.length;
        return new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
            (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }
}
