package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.InputCounts;
import io.mongolatest.latest.records.LineReader;
import io.mongolatest.product.build.BuildReport;
import io.mongolatest.storage.TableName;

/** Bad lines: quarantined with file, line and reason, counted, and over the threshold they fail the build. */
class BadLinesTest extends HarnessTest {
    private static final String FULL = LatestRulesTest.FULL;
    private static final ObjectMapper JSON = new ObjectMapper();


    private List<JsonNode> quarantine() throws IOException {
        Path f = h.warehouse.resolve("quarantine/test-run/core_contract.jsonl");
        return Files.readAllLines(f).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static byte[] lines(byte[]... lines) {
        int n = Arrays.stream(lines).mapToInt(l -> l.length + 1).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] l : lines) {
            System.arraycopy(l, 0, out, at, l.length);
            at += l.length;
            out[at++] = '\n';
        }
        return out;
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(utf8(text));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bigLine() {
        byte[] big = new byte[LineReader.MAX_LINE + 10];
        byte[] head = utf8("{\"_id\": \"big\", \"pad\": \"");
        Arrays.fill(big, (byte) 'x');
        System.arraycopy(head, 0, big, 0, head.length);
        big[big.length - 2] = '"';
        big[big.length - 1] = '}';
        return big;
    }

    @Test
    void everyKindIsQuarantinedWithFileLineAndReason() throws Exception {
        byte[] invalidUtf8 = utf8("{\"_id\": \"u\", \"name\": \"Zo\u00eb\"}");
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0xff;
        in.bytes(FULL + "a.json", lines(utf8("{\"_id\": 1}"), utf8(""), utf8("{\"_id\": 2"), utf8("[1, 2]"),
                utf8("   "), utf8("{\"id\": 3}"), utf8("{\"_id\": 4, \"_lastModifiedDateTime\": \"2024-02-30T00:00:00Z\"}"),
                invalidUtf8, utf8("{\"_id\": 5, \"_id\": 6}"), bigLine(), utf8("{\"_id\": 7}")));
        h.maxBadFraction = 1;
        BuildReport r = h.build();
        assertThat(r.totals()).isEqualTo(new InputCounts(11, 2, 2, 7, Map.of("not_json", 1L, "not_an_object", 1L,
                "no_id", 1L, "bad_date", 1L, "invalid_utf8", 1L, "duplicate_field", 1L, "too_long", 1L), 2, 0, 0, 2));
        assertThat(r.quarantine()).isEqualTo("quarantine/test-run");
        assertThat(r.badFraction()).isEqualTo(7.0 / 9);
        List<JsonNode> q = quarantine();
        assertThat(q).extracting(n -> n.get("file").asText() + ":" + n.get("line").asInt() + " " + n.get("reason").asText())
                .containsExactly(FULL + "a.json:3 not_json", FULL + "a.json:4 not_an_object", FULL + "a.json:6 no_id",
                        FULL + "a.json:7 bad_date", FULL + "a.json:8 invalid_utf8", FULL + "a.json:9 duplicate_field",
                        FULL + "a.json:10 too_long");
        assertThat(q.get(0).get("text").asText()).isEqualTo("{\"_id\": 2");
        assertThat(q.get(0).get("problem").asText()).isEqualTo("not valid JSON at byte 10");
        assertThat(q.get(3).get("problem").asText()).contains("_lastModifiedDateTime").contains("2024-02-30");
        assertThat(q.get(4).get("text").asText()).isEqualTo("{\"_id\": \"u\", \"name\": \"Zo\uFFFD\uFFFD\"}");
        assertThat(q.get(6).get("length").asLong()).isEqualTo(LineReader.MAX_LINE + 10);
        assertThat(q.get(6).get("truncated").asBoolean()).isTrue();
        assertThat(q.get(6).get("text").asText()).hasSize(LineReader.PREVIEW);
    }

    @Test
    void aRetryRewritesTheQuarantine() throws Exception {
        h.maxBadFraction = 1;
        in.file(FULL + "a.json", "{\"_id\": 1}", "not json");
        h.build();
        assertThat(quarantine()).hasSize(1);
        in.file(FULL + "a.json", "{\"_id\": 1}");
        h.build();
        assertThat(h.warehouse.resolve("quarantine/test-run")).doesNotExist();
    }

    @Test
    void tooManyBadLinesFailTheBuildAndLeaveThePreviousTables() throws Exception {
        in.file(FULL + "a.json", "{\"_id\": \"good\"}");
        h.build();
        TableName table = new TableName("uc_mongo_latest", "core_contract");
        long before = h.warehouse().current(table).orElseThrow().snapshotId();
        String[] many = new String[1000];
        Arrays.fill(many, "{\"_id\": \"new\"}");
        many[500] = "garbage";
        many[501] = "garbage";
        in.file(FULL + "a.json", many);
        assertThatThrownBy(h::build).isInstanceOf(MongoLatestException.class)
                .hasMessage("2 of 1,000 input lines are bad (0.2000%), over --max-bad-fraction 0.001 (0.1000%): "
                        + "{not_json=2}; see " + h.warehouse.resolve("quarantine/test-run"));
        assertThat(h.query("SELECT id FROM uc_mongo_latest.core_contract").rows()).containsExactly(List.of("\"good\""));
        assertThat(h.warehouse().current(table).orElseThrow().snapshotId()).as("the table is at its earlier snapshot")
                .isEqualTo(before);
        h.maxBadFraction = 0.002;
        h.build();
        assertThat(h.query("SELECT id FROM uc_mongo_latest.core_contract").rows()).containsExactly(List.of("\"new\""));
    }

    @Test
    void aFileThatCannotBeReadFailsTheBuildNamingIt() throws Exception {
        in.file(FULL + "a.json", "{\"_id\": 1}");
        Files.write(h.input.resolve(FULL + "b.json.gz"), new byte[0]); // written as is, not gzipped
        assertThat(h.build().totals().lines()).as("an empty gzip file has no lines").isEqualTo(1);
        Files.write(h.input.resolve(FULL + "c.json.gz"), utf8("{\"_id\": 2}\n"));
        assertThatThrownBy(h::build).isInstanceOf(MongoLatestException.class)
                .hasMessage("cannot read input file " + FULL
                        + "c.json.gz: bad gzip data at byte 0: not gzip (bad magic number)");
    }

    @Test
    void aGzipFileWithACorruptLaterMemberFailsTheBuildAndPublishesNothing() throws Exception {
        in.file(FULL + "a.json", "{\"_id\": \"before\"}");
        h.build();
        byte[] first = gzip("{\"_id\": 1}\n");
        byte[] second = gzip("{\"_id\": 2}\n");
        second[3] = (byte) 0x20; // a reserved flag bit: a bad header
        Files.write(h.input.resolve(FULL + "b.json.gz"), concat(first, second));
        in.file(FULL + "a.json", "{\"_id\": \"after\"}");
        assertThatThrownBy(h::build).isInstanceOf(MongoLatestException.class)
                .hasMessage("cannot read input file " + FULL + "b.json.gz: bad gzip data at byte " + (first.length + 3)
                        + ": gzip member 2 has reserved flag bits set (0x20)");
        assertThat(h.query("SELECT id FROM uc_mongo_latest.core_contract").rows())
                .as("the table published before is unchanged").containsExactly(List.of("\"before\""));

        Files.write(h.input.resolve(FULL + "b.json.gz"), concat(first, utf8("trailing\n")));
        assertThatThrownBy(h::build).isInstanceOf(MongoLatestException.class)
                .hasMessageStartingWith("cannot read input file " + FULL + "b.json.gz: bad gzip data at byte "
                        + first.length + ": ");
        Files.write(h.input.resolve(FULL + "b.json.gz"), concat(first, gzip("{\"_id\": 2}\n")));
        h.build();
        assertThat(h.query("SELECT id FROM uc_mongo_latest.core_contract ORDER BY id").rows())
                .as("every member is read").containsExactly(List.of("\"after\""), List.of("1"), List.of("2"));
    }

    @Test
    void nestingPastTheLimitIsQuarantinedSayingSo() throws Exception {
        h.maxBadFraction = 1;
        // The document itself is the first level: 999 arrays in it reach the limit, 1000 pass it.
        in.file(FULL + "a.json", "{\"_id\": 1, \"x\": " + "[".repeat(999) + "]".repeat(999) + "}",
                "{\"_id\": 2, \"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}");
        BuildReport r = h.build();
        assertThat(r.totals().loaded()).as("nesting exactly at the limit is fine").isEqualTo(1);
        List<JsonNode> q = quarantine();
        assertThat(q).singleElement().satisfies(n -> {
            assertThat(n.get("reason").asText()).isEqualTo("not_json");
            assertThat(n.get("problem").asText())
                    .isEqualTo("arrays and objects nested deeper than the limit of 1000, at byte 1016");
        });
    }

    @Test
    void aCancelledBuildPublishesNothing() throws Exception {
        in.file(FULL + "a.json", "{\"_id\": 1}");
        h.cancellation.cancel("test");
        assertThatThrownBy(h::build).isInstanceOf(MongoLatestException.class).hasMessageContaining("cancelled");
        assertThat(h.warehouse.resolve("uc_mongo_latest/core_contract")).doesNotExist();
    }
}
