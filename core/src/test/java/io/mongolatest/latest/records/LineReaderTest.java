package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineReaderTest {
    /** Lines as read, "!TOO LONG n" for over-long ones. */
    private static List<String> lines(InputStream in, int max, int buffer) throws IOException {
        List<String> out = new ArrayList<>();
        try (LineReader r = new LineReader(in, max, buffer)) {
            while (r.next()) {
                assertThat(r.lineNumber()).isEqualTo(out.size() + 1);
                out.add(r.isTooLong() ? "!TOO LONG " + r.tooLongLength()
                        : new String(r.buffer(), r.start(), r.length(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out one byte per read, so that every line crosses buffer refills. */
    private static InputStream trickle(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void splitsAtNewlinesAndDropsCarriageReturns() throws IOException {
        assertThat(lines(bytes("a\r\nbb\n\nccc"), 100, 16)).containsExactly("a", "bb", "", "ccc");
        assertThat(lines(bytes("a\nb\n"), 100, 16)).containsExactly("a", "b");
        assertThat(lines(bytes(""), 100, 16)).isEmpty();
        assertThat(lines(bytes("\n"), 100, 16)).containsExactly("");
    }

    @Test
    void dropsAByteOrderMarkOnlyAtTheStart() throws IOException {
        assertThat(lines(bytes("\uFEFF{}\n\uFEFF{}\n"), 100, 16)).containsExactly("{}", "\uFEFF{}");
    }

    @Test
    void readsLinesLongerThanTheBufferAcrossRefills() throws IOException {
        String longLine = "x".repeat(1000);
        assertThat(lines(trickle("ab\n" + longLine + "\ncd"), 5000, 16)).containsExactly("ab", longLine, "cd");
    }

    @Test
    void reportsLinesOverTheLimitAndCarriesOn() throws IOException {
        String over = "y".repeat(101);
        String exactly = "z".repeat(100);
        assertThat(lines(trickle("a\n" + over + "\n" + exactly + "\r\nb"), 100, 16))
                .containsExactly("a", "!TOO LONG 101", exactly, "b");
        assertThat(lines(bytes(over), 100, 16)).containsExactly("!TOO LONG 101");
    }

    @Test
    void theRealLimitIsSixteenMebibytes() throws IOException {
        byte[] big = new byte[LineReader.MAX_LINE + 3];
        java.util.Arrays.fill(big, (byte) 'q');
        big[LineReader.MAX_LINE + 1] = '\n';
        big[LineReader.MAX_LINE + 2] = 'k';
        try (LineReader r = new LineReader(new ByteArrayInputStream(big))) {
            assertThat(r.next()).isTrue();
            assertThat(r.isTooLong()).isTrue();
            assertThat(r.tooLongLength()).isEqualTo(LineReader.MAX_LINE + 1);
            assertThat(r.preview()).hasSize(LineReader.PREVIEW);
            assertThat(r.next()).isTrue();
            assertThat(r.lineNumber()).isEqualTo(2);
            assertThat(new String(r.buffer(), r.start(), r.length(), StandardCharsets.UTF_8)).isEqualTo("k");
        }
        big[LineReader.MAX_LINE] = '\n'; // exactly 16 MiB is still a line
        try (LineReader r = new LineReader(new ByteArrayInputStream(big, 0, LineReader.MAX_LINE + 1))) {
            assertThat(r.next()).isTrue();
            assertThat(r.isTooLong()).isFalse();
            assertThat(r.length()).isEqualTo(LineReader.MAX_LINE);
        }
    }

    @Test
    void findsNewlinesAtEveryOffsetOfAWord() {
        for (int at = 0; at < 20; at++) {
            byte[] b = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
            b[at] = '\n';
            assertThat(LineReader.indexOfNewline(b, 0, b.length)).isEqualTo(at);
            assertThat(LineReader.indexOfNewline(b, at + 1, b.length)).isEqualTo(-1);
        }
    }

    @Test
    void givesEachLineItsByteOffsetAcrossRefillsAndTooLongLines() throws IOException {
        String text = "\uFEFF{\"a\"}\r\n\n" + "y".repeat(40) + "\n" + "x".repeat(30) + "\nlast";
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        for (InputStream in : List.of(bytes(text), trickle(text))) {
            List<String> atOffsets = new ArrayList<>();
            try (LineReader r = new LineReader(in, 35, 8)) {
                while (r.next()) {
                    if (!r.isTooLong()) {
                        String line = new String(r.buffer(), r.start(), r.length(), StandardCharsets.UTF_8);
                        assertThat(new String(all, (int) r.lineOffset(), r.length(), StandardCharsets.UTF_8))
                                .isEqualTo(line);
                        atOffsets.add(r.lineOffset() + ":" + line);
                    }
                }
            }
            assertThat(atOffsets).containsExactly("3:{\"a\"}", "10:", "52:" + "x".repeat(30), "83:last");
        }
    }
}
