package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecordParserTest {
    private static final long T1 = micros("2021-03-01T10:00:00Z");
    private static final long T2 = micros("2021-03-02T10:00:00Z");

    private final RecordParser parser = new RecordParser();

    private static long micros(String iso) {
        return Instant.parse(iso).getEpochSecond() * 1_000_000L;
    }

    private RecordParser parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        parser.parse(b, 0, b.length);
        return parser;
    }

    private void assertBad(String line, BadReason reason) {
        assertThat(parse(line).bad).as(line).isEqualTo(reason);
        assertThat(parser.problem).as(line).isNotBlank();
        assertThat(parser.id).isNull();
    }

    private String id(String line) {
        assertThat(parse(line).bad).as(line + ": " + parser.problem).isNull();
        return new String(parser.id, StandardCharsets.UTF_8);
    }

    @Test
    void readsIdVersionTimeAndCreation() {
        assertThat(id("{\"_id\": {\"b\": 2, \"a\": 1}, \"_lastModifiedDateTime\": {\"d_date\": \"2021-03-02T10:00:00.000+0000\"},"
                + " \"createdDateTime\": \"2021-03-01T10:00:00Z\", \"x\": [1, {\"y\": null}]}"))
                .isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(parser.versionMicros).isEqualTo(T2);
        assertThat(parser.hasCreated).isTrue();
        assertThat(parser.createdMicros).isEqualTo(T1);
        assertThat(parser.removed).isFalse();
    }

    @Test
    void versionTimeFallsBackToCreationThenTo1980() {
        id("{\"_id\": 1, \"createdDateTime\": {\"$date\": \"2021-03-01T10:00:00Z\"}}");
        assertThat(parser.versionMicros).isEqualTo(T1);
        assertThat(parser.createdMicros).isEqualTo(T1);
        id("{\"_id\": 1, \"_lastModifiedDateTime\": null, \"createdDateTime\": null}");
        assertThat(parser.versionMicros).isEqualTo(micros("1980-01-01T00:00:00Z"));
        assertThat(parser.hasCreated).isFalse();
        id("{\"_id\": 1}");
        assertThat(parser.versionMicros).isEqualTo(micros("1980-01-01T00:00:00Z"));
        assertThat(parser.versionNanos).isZero();
    }

    @Test
    void everyRemovalForm() {
        id("{\"_id\": 1, \"_removedDateTime\": {\"d_date\": \"2021-03-01T10:00:00Z\"}}");
        assertThat(parser.removed).isTrue();
        id("{\"_id\": 1, \"_removedDateTime\": \"not even a date\"}");
        assertThat(parser.removed).as("any non-null value").isTrue();
        id("{\"_id\": 1, \"_removed\": {\"reason\": \"x\"}}");
        assertThat(parser.removed).isTrue();
        id("{\"_id\": 1, \"_removed\": false}");
        assertThat(parser.removed).as("SPEC: a non-null _removed, whatever it holds").isTrue();
        id("{\"_id\": 1, \"@type\": \"MONGO_DELETE\"}");
        assertThat(parser.removed).isTrue();
        id("{\"_id\": 1, \"@type\": \"MONGO_\\u0044ELETE\"}");
        assertThat(parser.removed).isTrue();
        id("{\"\\u005fid\": 1, \"\\u0040type\": \"MONGO_DELETE\"}");
        assertThat(parser.removed).as("keys written with escapes are the same keys").isTrue();
        id("{\"_id\": 1, \"_removedDateTime\": null, \"_removed\": null, \"@type\": \"MONGO_UPDATE\"}");
        assertThat(parser.removed).isFalse();
        id("{\"_id\": 1, \"@type\": \"mongo_delete\", \"removed\": true, \"x\": {\"_removed\": 1}}");
        assertThat(parser.removed).as("only the top-level fields count, exactly").isFalse();
    }

    @Test
    void everyKeyTheRulesReadIsTheSameKeyHoweverItIsEscaped() {
        assertThat(id("{\"_id\": \"w1\", \"\\u005flastModifiedDateTime\": \"2021-03-02T10:00:00Z\"}")).isEqualTo("\"w1\"");
        assertThat(parser.versionMicros).as("the version time of an escaped _lastModifiedDateTime").isEqualTo(T2);
        id("{\"_id\": 1, \"\\u005F\\u006C\\u0061\\u0073\\u0074\\u004D\\u006F\\u0064\\u0069\\u0066\\u0069\\u0065\\u0064"
                + "\\u0044\\u0061\\u0074\\u0065\\u0054\\u0069\\u006D\\u0065\": \"2021-03-02T10:00:00Z\"}");
        assertThat(parser.versionMicros).as("every character escaped").isEqualTo(T2);
        id("{\"_id\": 1, \"\\u0063reatedDateTime\": {\"\\u0024date\": \"2021-03-01T10:00:00Z\"}}");
        assertThat(parser.hasCreated).isTrue();
        assertThat(parser.versionMicros).isEqualTo(T1);
        id("{\"_id\": 1, \"_lastModifiedDateTim\\u0065\": {\"d_d\\u0061te\": {\"\\u0024numberLong\": \"1614592800000\"}}}");
        assertThat(parser.versionMicros).isEqualTo(T1);
        id("{\"_id\": 1, \"\\u005fremovedDateTime\": \"2021-03-01T10:00:00Z\"}");
        assertThat(parser.removed).isTrue();
        id("{\"_id\": 1, \"_re\\u006doved\": true}");
        assertThat(parser.removed).isTrue();
        id("{\"_id\": 1, \"\\u0040\\u0074ype\": \"MONGO_DELETE\"}");
        assertThat(parser.removed).isTrue();
        assertThat(id("{\"\\u005f\\u0069\\u0064\": {\"\\u0024oid\": \"5c1b\"}}")).isEqualTo("{\"d_oid\":\"5c1b\"}");
        assertThat(id("{\"_id\": 1, \"_lastModifiedDateTime\\u0020\": 2, \"\\u005fid2\": 3}")).as("other keys stay other keys")
                .isEqualTo("1");
        assertThat(parser.versionMicros).isEqualTo(RecordParser.FALLBACK_MICROS);
    }

    @Test
    void aPlainAndAnEscapedSpellingOfOneKeyAreADuplicate() {
        assertBad("{\"_id\": 1, \"_lastModifiedDateTime\": \"2021-03-01T10:00:00Z\","
                + " \"\\u005flastModifiedDateTime\": \"2021-03-02T10:00:00Z\"}", BadReason.DUPLICATE_FIELD);
        assertThat(parser.problem).isEqualTo("field _lastModifiedDateTime appears twice");
        assertBad("{\"_id\": 1, \"createdDateTime\": null, \"\\u0063\\u0072\\u0065\\u0061\\u0074\\u0065\\u0064DateTime\": null}",
                BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": 1, \"\\u005fremovedDateTime\": null, \"_removedDateTime\": null}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": 1, \"@type\": null, \"\\u0040type\": null}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": {\"k\": 1, \"\\u006b\": 2}}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": {\"$oid\": 1, \"d_oid\": 2}}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": 1, \"createdDateTime\": {\"$date\": 1, \"\\u0024date\": 2}}", BadReason.BAD_DATE);
    }

    @Test
    void theIdOfALineReadNoFurtherThanItsIdIsTheIdOfTheRecord() {
        for (String line : new String[] {"{\"_id\": {\"b\": 2, \"a\": 1}, \"x\": [1]}",
            " {\"v\": {\"_id\": 9}, \"\\u005fid\": \"k\"}  ", "{\"_lastModifiedDateTime\": \"2021-03-01T10:00:00Z\", \"_id\": 42}"}) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertThat(parser.idOf(b, 0, b.length)).as(line).isEqualTo(id(line).getBytes(StandardCharsets.UTF_8));
        }
        for (String notAnId : new String[] {"{\"x\": 1}", "{\"_id\": null}", "[{\"_id\": 1}]", "{\"x\": tru, \"_id\": 1}",
            "{\"_id\": {\"k\": 1, \"k\": 2}}", "{\"_id\"", "garbage"}) {
            byte[] b = notAnId.getBytes(StandardCharsets.UTF_8);
            assertThat(parser.idOf(b, 0, b.length)).as(notAnId).isNull();
        }
        byte[] b = "{\"_id\": \"a\", \"rest\": not even JSON".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.idOf(b, 0, b.length)).as("what follows the id is not read").isEqualTo("\"a\"".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badRecordsByKind() {
        assertBad("{\"_id\": 1", BadReason.NOT_JSON);
        assertBad("{\"_id\": 1} trailing", BadReason.NOT_JSON);
        assertBad("{\"_id\": 1} {\"_id\": 2}", BadReason.NOT_JSON);
        assertBad("[1] x", BadReason.NOT_JSON);
        assertBad("{\"_id\": 1, \"a\": 'single'}", BadReason.NOT_JSON);
        assertBad("\uFEFF{\"_id\": 1}", BadReason.NOT_JSON);
        assertBad("[{\"_id\": 1}]", BadReason.NOT_AN_OBJECT);
        assertBad("\"{}\"", BadReason.NOT_AN_OBJECT);
        assertBad("42", BadReason.NOT_AN_OBJECT);
        assertBad("null", BadReason.NOT_AN_OBJECT);
        assertBad("{\"_id\": 1, \"_id\": 2}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": 1, \"createdDateTime\": null, \"createdDateTime\": null}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": {\"k\": 1, \"k\": 2}}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": 1, \"\\u005fid\": 2}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_id\": 1, \"_removed\": 1, \"_remov\\u0065d\": 2}", BadReason.DUPLICATE_FIELD);
        assertBad("{}", BadReason.NO_ID);
        assertBad("{\"id\": 1}", BadReason.NO_ID);
        assertBad("{\"_id\": null}", BadReason.NO_ID);
        assertBad("{\"_id\": 1, \"_lastModifiedDateTime\": \"2021-02-30T00:00:00Z\"}", BadReason.BAD_DATE);
        assertBad("{\"_id\": 1, \"createdDateTime\": {\"$date\": \"soon\"}}", BadReason.BAD_DATE);
        assertBad("{\"_id\": 1, \"_lastModifiedDateTime\": 1614592800000}", BadReason.BAD_DATE);
    }

    @Test
    void reportsTheFirstProblemInRuleOrder() {
        assertBad("{\"_lastModifiedDateTime\": \"bad\", \"x\": }", BadReason.NOT_JSON);
        assertBad("{\"_lastModifiedDateTime\": \"bad\", \"_id\": 1, \"_id\": 1}", BadReason.DUPLICATE_FIELD);
        assertBad("{\"_lastModifiedDateTime\": \"bad\"}", BadReason.NO_ID);
        assertThat(parse("{\"_id\": 1, \"createdDateTime\": \"bad\", \"_lastModifiedDateTime\": \"2021-03-01T10:00:00Z\"}").bad)
                .as("a present but unparseable date is bad even when the other one is fine").isEqualTo(BadReason.BAD_DATE);
    }

    @Test
    void namesTheProblem() {
        parse("{\"_id\": 1, \"x\": tru}");
        assertThat(parser.problem).isEqualTo("not valid JSON at byte 20");
        parse("{\"_id\": 1, \"_lastModifiedDateTime\": \"2021-02-30T00:00:00Z\"}");
        assertThat(parser.problem).startsWith("_lastModifiedDateTime: not a valid date");
        parse("[1]");
        assertThat(parser.problem).isEqualTo("the line is a JSON array, not an object");
    }

    @Test
    void namesNestingPastTheLimit() {
        String tooDeep = "{\"_id\": 1, \"x\": " + "{\"a\": ".repeat(999) + "[]" + "}".repeat(999) + "}";
        parse(tooDeep);
        assertThat(parser.bad).isEqualTo(BadReason.NOT_JSON);
        assertThat(parser.problem).isEqualTo("arrays and objects nested deeper than the limit of 1000, at byte "
                + (tooDeep.indexOf('[') + 1));
        parse("[".repeat(1001) + "]".repeat(1001));
        assertThat(parser.problem).isEqualTo("arrays and objects nested deeper than the limit of 1000, at byte 1001");
        parse("{\"_id\": 1, \"x\": {{}}");
        assertThat(parser.problem).as("a brace where a key belongs is no nesting")
                .isEqualTo("not valid JSON at byte 18");
        parse("[" + "\"[[[\", ".repeat(1000) + "1]");
        assertThat(parser.bad).as("brackets in strings do not nest").isEqualTo(BadReason.NOT_AN_OBJECT);
    }
}
