package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CanonicalIdTest {
    private static String canonical(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        byte[] c = new CanonicalId().of(b, 0, JsonSyntax.skipValue(b, 0, b.length, 0));
        return c == null ? null : new String(c, StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysAtEveryLevelAndDropsWhitespace() {
        String a = canonical("{\"b\": 1, \"a\": {\"y\": [ {\"q\": 1, \"p\": 2} ], \"x\": \"s\"}}");
        String b = canonical("{\"a\":{\"x\":\"s\",\"y\":[{\"p\":2,\"q\":1}]},\"b\":1}");
        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":{\"x\":\"s\",\"y\":[{\"p\":2,\"q\":1}]},\"b\":1}");
    }

    @Test
    void keepsTypesAndNumbersAsWritten() {
        assertThat(canonical("42")).isEqualTo("42");
        assertThat(canonical("\"42\"")).isEqualTo("\"42\"");
        assertThat(canonical("1.0")).isEqualTo("1.0");
        assertThat(canonical("1e2")).isEqualTo("1e2");
        assertThat(canonical("{\"n\": -0}")).isEqualTo("{\"n\":-0}");
        assertThat(canonical("[true, false, null]")).isEqualTo("[true,false,null]");
        assertThat(canonical("[2, 1]")).as("arrays keep their order").isEqualTo("[2,1]");
    }

    @Test
    void readsDollarKeysAsTheirSanitisedForm() {
        assertThat(canonical("{\"$oid\": \"5c\"}")).isEqualTo(canonical("{\"d_oid\": \"5c\"}"))
                .isEqualTo("{\"d_oid\":\"5c\"}");
        assertThat(canonical("{\"\\u0024oid\": \"5c\"}")).isEqualTo("{\"d_oid\":\"5c\"}");
        assertThat(canonical("{\"a$\": 1}")).isEqualTo("{\"a$\":1}");
    }

    @Test
    void writesStringsWithMinimalEscapes() {
        assertThat(canonical("\"\\u0041\\/\\u00e9\"")).isEqualTo("\"A/é\"");
        assertThat(canonical("\"é\"")).isEqualTo("\"é\"");
        assertThat(canonical("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001F\\u007f\"")).isEqualTo("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\"");
        assertThat(canonical("\"\\ud83d\\ude00\"")).as("a surrogate pair is one character").isEqualTo("\"😀\"");
        assertThat(canonical("\"\\uD800x\"")).as("a lone surrogate stays an escape").isEqualTo("\"\\ud800x\"");
        assertThat(canonical("{\"\\u00e9\": 1, \"e\": 2}")).isEqualTo("{\"e\":2,\"é\":1}");
    }

    @Test
    void ordersKeysByCodePoint() {
        // U+FFFF is below U+1F600 although UTF-16 puts the surrogates of U+1F600 first.
        assertThat(canonical("{\"😀\": 1, \"\uFFFF\": 2, \"z\": 3, \"Z\": 4, \"é\": 5}"))
                .isEqualTo("{\"Z\":4,\"z\":3,\"é\":5,\"\uFFFF\":2,\"😀\":1}");
    }

    @Test
    void aRepeatedKeyHasNoCanonicalForm() {
        assertThat(canonical("{\"a\": 1, \"a\": 1}")).isNull();
        assertThat(canonical("{\"x\": {\"$oid\": 1, \"d_oid\": 2}}")).isNull();
        CanonicalId id = new CanonicalId();
        byte[] b = "{\"k\":{\"a\":1,\"a\":2}}".getBytes(StandardCharsets.UTF_8);
        assertThat(id.of(b, 0, b.length)).isNull();
        assertThat(id.duplicateKey()).isEqualTo("a");
    }
}
