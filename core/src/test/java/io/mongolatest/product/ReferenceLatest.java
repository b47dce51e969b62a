package io.mongolatest.product;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.mongolatest.latest.InputCounts;

/**
 * SPEC §7 written the plain way, to check the engine's build against: parse every line with a JSON
 * library, pick each id's greatest version with a comparator, keep the winners that are not removals.
 * Shares no code with the product. Duplicate keys and over-long lines are left to the fixture tests.
 */
final class ReferenceLatest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Instant FALLBACK = Instant.parse("1980-01-01T00:00:00Z");
    private static final java.time.format.DateTimeFormatter SNAPSHOT_ID =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    /** One input line and where it is: snapshot type and id, file name in the collection folder, line number. */
    record Line(String snapshotType, String snapshotId, String file, int number, byte[] bytes) {
    }

    /** A row of the latest table. */
    record Row(String id, long lastModifiedMicros, Long createdMicros, String snapshotType, String snapshotId, String val) {
    }

    record Result(List<Row> rows, InputCounts counts) {
    }

    private record Version(String id, Instant time, Instant created, boolean removed, Line line) {
    }

    private ReferenceLatest() {
    }

    static Result latest(List<Line> lines) {
        long blank = 0;
        Map<String, Long> bad = new TreeMap<>();
        List<Version> versions = new ArrayList<>();
        for (Line l : lines) {
            String text = decode(l.bytes());
            if (text != null && text.replace(" ", "").replace("\t", "").replace("\r", "").isEmpty()) {
                blank++;
                continue;
            }
            String reason = text == null ? "invalid_utf8" : null;
            Version v = null;
            if (reason == null) {
                try {
                    v = version(JSON.readTree(text), l);
                    reason = v == null ? "no_id" : null;
                } catch (BadDate e) {
                    reason = "bad_date";
                } catch (NotAnObject e) {
                    reason = "not_an_object";
                } catch (java.io.IOException e) {
                    reason = "not_json";
                }
            }
            if (reason != null) {
                bad.merge(reason, 1L, Long::sum);
            } else {
                versions.add(v);
            }
        }
        Comparator<Version> order = Comparator.comparing(Version::time)
                .thenComparing(v -> LocalDateTime.parse(v.line().snapshotId(), SNAPSHOT_ID))
                .thenComparing(v -> v.line().snapshotType().equals("full") ? 0 : 1)
                .thenComparing(v -> v.line().file())
                .thenComparingInt(v -> v.line().number());
        Map<String, Version> winners = new HashMap<>();
        for (Version v : versions) {
            winners.merge(v.id(), v, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        List<Row> rows = new ArrayList<>();
        long removed = 0;
        for (Version w : winners.values()) {
            if (w.removed()) {
                removed++;
                continue;
            }
            String val = decode(w.line().bytes()).strip();
            rows.add(new Row(w.id(), micros(w.time()), w.created() == null ? null : micros(w.created()),
                    w.line().snapshotType(), w.line().snapshotId(), val));
        }
        rows.sort(Comparator.comparing(Row::id));
        long quarantined = bad.values().stream().mapToLong(Long::longValue).sum();
        return new Result(rows, new InputCounts(lines.size(), blank, versions.size(), quarantined, bad, rows.size(),
                versions.size() - winners.size(), removed, rows.size()));
    }

    private static String decode(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Version version(JsonNode doc, Line l) throws BadDate, NotAnObject {
        if (!doc.isObject()) {
            throw new NotAnObject();
        }
        JsonNode id = doc.get("_id");
        if (id == null || id.isNull()) {
            return null;
        }
        Instant modified = date(doc.get("_lastModifiedDateTime"));
        Instant created = date(doc.get("createdDateTime"));
        boolean removed = present(doc.get("_removedDateTime")) || present(doc.get("_removed"))
                || doc.has("@type") && doc.get("@type").isTextual() && doc.get("@type").asText().equals("MONGO_DELETE");
        Instant time = modified != null ? modified : created != null ? created : FALLBACK;
        return new Version(canonical(id), time, created, removed, l);
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }

    private static Instant date(JsonNode n) throws BadDate {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return iso(n.asText());
        }
        if (!n.isObject() || n.size() != 1) {
            throw new BadDate();
        }
        String key = n.fieldNames().next();
        JsonNode v = n.get(key);
        if (!key.equals("$date") && !key.equals("d_date")) {
            throw new BadDate();
        }
        if (v.isTextual()) {
            return iso(v.asText());
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return inRange(Instant.ofEpochMilli(v.longValue()));
        }
        if (v.isObject() && v.size() == 1) {
            String k = v.fieldNames().next();
            JsonNode m = v.get(k);
            if ((k.equals("$numberLong") || k.equals("d_numberLong")) && m.isTextual()
                    && m.asText().matches("-?[0-9]{1,18}")) {
                return inRange(Instant.ofEpochMilli(Long.parseLong(m.asText())));
            }
        }
        throw new BadDate();
    }

    private static Instant iso(String s) throws BadDate {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            throw new BadDate();
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), Integer.parseInt(fraction));
            String zone = m.group(8) == null ? "Z" : m.group(8);
            if (zone.length() == 3) {
                zone += ":00";
            } else if (zone.length() == 5) {
                zone = zone.substring(0, 3) + ":" + zone.substring(3);
            }
            return inRange(t.toInstant(ZoneOffset.of(zone)));
        } catch (DateTimeException e) {
            throw new BadDate();
        }
    }

    private static Instant inRange(Instant t) throws BadDate {
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw new BadDate();
        }
        return t;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    /** Keys sorted by code point, "$" read as "d_", minimal escapes, numbers as the parser kept them. */
    static String canonical(JsonNode n) {
        if (n.isObject()) {
            TreeMap<String, String> fields = new TreeMap<>(
                    (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = e.getKey().startsWith("$") ? "d_" + e.getKey().substring(1) : e.getKey();
                fields.put(key, canonical(e.getValue()));
            }
            StringBuilder b = new StringBuilder("{");
            fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
            return b.append('}').toString();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(x -> items.add(canonical(x)));
            return "[" + String.join(",", items) + "]";
        }
        if (n.isTextual()) {
            return quote(n.asText());
        }
        if (n.isBigDecimal()) {
            return n.decimalValue().toString();
        }
        return n.toString(); // integers, booleans, null
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(s.charAt(i - 1)));
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 || lone ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static final class BadDate extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static final class NotAnObject extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
