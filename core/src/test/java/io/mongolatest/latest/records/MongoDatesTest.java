package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MongoDatesTest {
    private static final long T = Instant.parse("2018-12-14T15:01:02Z").getEpochSecond() * 1_000_000L;

    private static MongoDates.DateValue read(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        MongoDates.DateValue v = new MongoDates.DateValue();
        MongoDates.read(b, 0, JsonSyntax.skipValue(b, 0, b.length, 0), v);
        return v;
    }

    private static void assertTime(String json, long micros, int nanos) {
        MongoDates.DateValue v = read(json);
        assertThat(v.present).as(json).isTrue();
        assertThat(v.problem).as(json).isNull();
        assertThat(v.ok).as(json).isTrue();
        assertThat(v.micros).as(json).isEqualTo(micros);
        assertThat(v.nanos).as(json).isEqualTo(nanos);
    }

    private static void assertBad(String json) {
        MongoDates.DateValue v = read(json);
        assertThat(v.present).as(json).isTrue();
        assertThat(v.ok).as(json).isFalse();
        assertThat(v.problem).as(json).isNotBlank();
    }

    @Test
    void everyWrappedForm() {
        assertTime("{\"d_date\": \"2018-12-14T15:01:02.000+0000\"}", T, 0);
        assertTime("{\"$date\": \"2018-12-14T15:01:02.000+0000\"}", T, 0);
        assertTime("{\"$date\": \"2018-12-14T15:01:02Z\"}", T, 0);
        assertTime("{\"$date\": 1544799662000}", T, 0);
        assertTime("{\"d_date\": 1544799662123}", T + 123_000, 0);
        assertTime("{\"$date\": {\"$numberLong\": \"1544799662000\"}}", T, 0);
        assertTime("{\"d_date\": {\"d_numberLong\": \"-1000\"}}", -1_000_000, 0);
        assertTime("{\"\\u0024date\": \"2018-12-14T15:01:02Z\"}", T, 0);
    }

    @Test
    void everyStringForm() {
        assertTime("\"2018-12-14T15:01:02.000+0000\"", T, 0);
        assertTime("\"2018-12-14T15:01:02.5Z\"", T + 500_000, 0);
        assertTime("\"2018-12-14T15:01:02.123456Z\"", T + 123_456, 0);
        assertTime("\"2018-12-14T15:01:02.123456789Z\"", T + 123_456, 789);
        assertTime("\"2018-12-14T16:01:02.000+01:00\"", T, 0);
        assertTime("\"2018-12-14T16:01:02+0100\"", T, 0);
        assertTime("\"2018-12-14T16:01:02+01\"", T, 0);
        assertTime("\"2018-12-14T09:31:02-05:30\"", T, 0);
        assertTime("\"2018-12-14 15:01:02\"", T, 0);
        assertTime("\"2018-12-14T15:01:02\"", T, 0);
        assertTime("\"2018\\u002d12-14T15:01:02Z\"", T, 0);
        assertTime("\"1969-12-31T23:59:59.999999Z\"", -1, 0);
        assertTime("\"2016-02-29T00:00:00Z\"", Instant.parse("2016-02-29T00:00:00Z").getEpochSecond() * 1_000_000L, 0);
        assertTime("\"0001-01-01T00:00:00Z\"", MongoDates.MIN_MICROS, 0);
        assertTime("\"9999-12-31T23:59:59.999999999Z\"", MongoDates.MAX_MICROS, 999);
    }

    @Test
    void nullIsAbsent() {
        assertThat(read("null").present).isFalse();
    }

    @Test
    void anythingElseIsUnparseable() {
        for (String bad : new String[] {"\"\"", "\"2018-12-14\"", "\"2018-12-14T15:01Z\"", "\"2018-13-14T15:01:02Z\"",
            "\"2018-02-29T15:01:02Z\"", "\"2018-12-32T15:01:02Z\"", "\"2018-12-14T24:00:00Z\"",
            "\"2018-12-14T15:60:02Z\"", "\"2018-12-14T15:01:60Z\"", "\"2018-12-14T15:01:02.Z\"",
            "\"2018-12-14T15:01:02.1234567890Z\"", "\"2018-12-14T15:01:02+1\"", "\"2018-12-14T15:01:02+19:00\"",
            "\"2018-12-14T15:01:02ZZ\"", "\"2018-12-14T15:01:02 UTC\"", "\"0000-12-14T15:01:02Z\"",
            "\"0001-01-01T00:30:00+01:00\"", "\"yesterday\"", "1544799662000", "true", "[\"2018-12-14T15:01:02Z\"]",
            "{}", "{\"date\": \"2018-12-14T15:01:02Z\"}", "{\"$date\": \"2018-12-14T15:01:02Z\", \"x\": 1}",
            "{\"$date\": 1.5e12}", "{\"$date\": 99999999999999999999}", "{\"$date\": 253402300800000}",
            "{\"$date\": null}", "{\"$date\": {\"$numberLong\": 15}}", "{\"$date\": {\"$numberLong\": \"1.5\"}}",
            "{\"$date\": {\"$numberInt\": \"15\"}}"}) {
            assertBad(bad);
        }
    }
}
