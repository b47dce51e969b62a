package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static boolean valid(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int i = JsonSyntax.skipWhitespace(b, 0, b.length);
        int j = JsonSyntax.skipValue(b, i, b.length, 0);
        return j >= 0 && JsonSyntax.skipWhitespace(b, j, b.length) == b.length;
    }

    private static boolean jacksonValid(String text) {
        try {
            return STRICT.readTree(text) != null && !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @Test
    void acceptsJson() {
        for (String ok : new String[] {"{}", "[]", " { \"a\" : [1, -2.5e+3, true, false, null, \"x\"] } ", "0", "-0.0E-0",
            "\"\\u00e9\\n\\/\\\"\"", "[[[]]]", "{\"a\":{\"b\":{}}}", "\"é😀\""}) {
            assertThat(valid(ok)).as(ok).isTrue();
        }
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "{\"a\":}", "{a:1}", "{'a':1}", "[1,]", "{\"a\":1,}", "01", "1.",
            ".5", "+1", "1e", "NaN", "Infinity", "tru", "nulll", "\"\\x\"", "\"\\u12G4\"", "\"tab\there\"", "{} {}",
            "[1] x", "// c\n{}", "\"open", "{\"a\":1 \"b\":2}"}) {
            assertThat(valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void limitsNesting() {
        assertThat(valid("[".repeat(JsonSyntax.MAX_DEPTH) + "]".repeat(JsonSyntax.MAX_DEPTH))).isTrue();
        assertThat(valid("[".repeat(JsonSyntax.MAX_DEPTH + 1) + "]".repeat(JsonSyntax.MAX_DEPTH + 1))).isFalse();
    }

    @Test
    void agreesWithJacksonOnRandomlyDamagedDocuments() {
        Random r = new Random(7);
        String alphabet = "{}[]\":,.-+eE0123456789 \\/ubfnrtalsx\t\n";
        for (int n = 0; n < 30_000; n++) {
            StringBuilder doc = new StringBuilder(randomJson(r, 0));
            int edits = r.nextInt(3);
            for (int e = 0; e < edits && doc.length() > 0; e++) {
                int at = r.nextInt(doc.length());
                switch (r.nextInt(3)) {
                    case 0 -> doc.deleteCharAt(at);
                    case 1 -> doc.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    default -> doc.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            String text = doc.toString();
            assertThat(valid(text)).as(text).isEqualTo(jacksonValid(text));
        }
    }

    static String randomJson(Random r, int depth) {
        int k = depth > 3 ? 3 + r.nextInt(5) : r.nextInt(8);
        return switch (k) {
            case 0, 1 -> {
                StringBuilder b = new StringBuilder("{");
                int fields = r.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    b.append(i > 0 ? "," : "").append(r.nextBoolean() ? " " : "").append('"').append((char) ('a' + i))
                            .append("\":").append(randomJson(r, depth + 1));
                }
                yield b.append('}').toString();
            }
            case 2 -> {
                StringBuilder b = new StringBuilder("[");
                int items = r.nextInt(4);
                for (int i = 0; i < items; i++) {
                    b.append(i > 0 ? ", " : "").append(randomJson(r, depth + 1));
                }
                yield b.append(']').toString();
            }
            case 3 -> "\"s" + (r.nextBoolean() ? "\\n\\u00e9" : "é") + "\"";
            case 4 -> Integer.toString(r.nextInt(2000) - 1000);
            case 5 -> r.nextInt(100) + "." + r.nextInt(100) + (r.nextBoolean() ? "e-3" : "");
            case 6 -> r.nextBoolean() ? "true" : "false";
            default -> "null";
        };
    }

    @Test
    void aPlainRunEndsAtTheFirstQuoteBackslashOrControlCharacterWhereverItFalls() {
        Random random = new Random(7);
        byte[] plain = {'a', 'Z', ' ', '~', 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff, 0x21, 0x23, 0x5b, 0x5d, 0x20};
        byte[] stops = {'"', '\\', 0x00, 0x09, 0x0a, 0x1f};
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[1 + random.nextInt(40)];
            for (int k = 0; k < b.length; k++) {
                b[k] = random.nextInt(12) == 0 ? stops[random.nextInt(stops.length)] : plain[random.nextInt(plain.length)];
            }
            int from = random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            int expected = from;
            while (expected < to && b[expected] != '"' && b[expected] != '\\' && (b[expected] & 0xff) >= 0x20) {
                expected++;
            }
            assertThat(JsonSyntax.plainRunEnd(b, from, to)).as("%s [%d, %d)", java.util.Arrays.toString(b), from, to)
                    .isEqualTo(expected);
        }
    }
}
