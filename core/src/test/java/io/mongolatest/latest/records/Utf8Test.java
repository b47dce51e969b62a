package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8Test {
    private static boolean valid(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Utf8.isValid(b, 0, b.length);
    }

    @Test
    void acceptsEveryWellFormedSequenceLength() {
        assertThat(valid('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')).isTrue();
        assertThat(valid(0xc3, 0xa9)).isTrue(); // é
        assertThat(valid(0xe2, 0x82, 0xac)).isTrue(); // €
        assertThat(valid(0xf0, 0x9f, 0x98, 0x80)).isTrue(); // 😀
        assertThat(valid(0xf4, 0x8f, 0xbf, 0xbf)).isTrue(); // U+10FFFF
        assertThat(valid()).isTrue();
    }

    @Test
    void rejectsMalformedSequences() {
        assertThat(valid(0x80)).as("lone continuation byte").isFalse();
        assertThat(valid(0xc3)).as("truncated at the end").isFalse();
        assertThat(valid(0xc3, 0x28)).as("bad continuation").isFalse();
        assertThat(valid(0xc0, 0x80)).as("overlong NUL").isFalse();
        assertThat(valid(0xe0, 0x80, 0x80)).as("overlong 3-byte").isFalse();
        assertThat(valid(0xf0, 0x80, 0x80, 0x80)).as("overlong 4-byte").isFalse();
        assertThat(valid(0xed, 0xa0, 0x80)).as("UTF-16 surrogate").isFalse();
        assertThat(valid(0xf4, 0x90, 0x80, 0x80)).as("above U+10FFFF").isFalse();
        assertThat(valid(0xf5, 0x80, 0x80, 0x80)).isFalse();
        assertThat(valid('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 0xff)).as("after an ASCII word").isFalse();
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random r = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[r.nextInt(24)];
            for (int i = 0; i < b.length; i++) {
                // mostly ASCII and plausible lead/continuation bytes, so that valid sequences occur too
                int k = r.nextInt(10);
                b[i] = (byte) (k < 4 ? 'a' + r.nextInt(26) : k < 7 ? 0x80 + r.nextInt(64) : 0xc0 + r.nextInt(64));
            }
            assertThat(Utf8.isValid(b, 0, b.length)).as("bytes %s", java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(jdkValid(b));
        }
    }

    private static boolean jdkValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
