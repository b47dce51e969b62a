package io.mongolatest.product.synthetic;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes an instant in one of the date forms found in exports, chosen at random. */
final class DateForms {
    private static final DateTimeFormatter MILLIS_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS_Z =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NANOS_Z =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ONE_HOUR_AHEAD =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.ofHours(1));
    private static final DateTimeFormatter SECONDS_Z =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private DateForms() {
    }

    static void write(JsonGenerator g, String field, long epochMillis, SplittableRandom r) throws IOException {
        Instant t = Instant.ofEpochMilli(epochMillis);
        g.writeFieldName(field);
        int form = r.nextInt(100);
        if (form < 50) {
            wrapped(g, "d_date", MILLIS_OFFSET.format(t)); // the sanitised export's usual form
        } else if (form < 62) {
            wrapped(g, "$date", MILLIS_OFFSET.format(t).replace("+0000", "Z"));
        } else if (form < 72) {
            g.writeStartObject();
            g.writeNumberField(r.nextBoolean() ? "$date" : "d_date", epochMillis);
            g.writeEndObject();
        } else if (form < 80) {
            g.writeString(MICROS_Z.format(t));
        } else if (form < 86) {
            wrapped(g, "d_date", ONE_HOUR_AHEAD.format(t));
        } else if (form < 92) {
            wrapped(g, "$date", NANOS_Z.format(t));
        } else if (form < 96) {
            g.writeString(SECONDS_Z.format(t.minusMillis(t.toEpochMilli() % 1000)));
        } else {
            g.writeStartObject();
            g.writeFieldName("$date");
            g.writeStartObject();
            g.writeStringField("$numberLong", Long.toString(epochMillis));
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void wrapped(JsonGenerator g, String key, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField(key, text);
        g.writeEndObject();
    }
}
