package io.mongolatest.product;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random input for the property test: records with ids of every shape written with keys in random order
 * and random escapes, versions at a few instants (so that ties are common) in every date form, removals in
 * every form, blank and bad lines, spread over snapshots and files in random order.
 */
final class RandomExport {
    static final String[][] SNAPSHOTS = {{"full", "2024-03-01_00-00-00"}, {"incremental", "2024-03-01_00-00-00"},
        {"incremental", "2024-03-02_00-00-00"}, {"incremental", "2024-03-03_00-00-00"}};
    private static final String[] FILES = {"a.json", "b.jsonl", "part-10.json.gz", "part-2.jsonl.gz"};
    private static final Instant[] INSTANTS = {Instant.parse("2021-01-01T00:00:00Z"),
        Instant.parse("2021-01-01T00:00:00.001Z"), Instant.parse("2021-06-30T23:59:59.999999Z"),
        Instant.parse("2021-06-30T23:59:59.999999001Z"), Instant.parse("1970-01-01T00:00:00Z"),
        Instant.parse("1969-07-20T20:17:40.5Z"), Instant.parse("1980-01-01T00:00:00Z")};

    private final Random r;
    /** Lines per file path under the input root, in order. */
    final Map<String, List<byte[]>> files = new LinkedHashMap<>();

    RandomExport(long seed) {
        this.r = new Random(seed);
    }

    void write(String collectionPath, int records) {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Object id = id(0);
            int versions = 1 + r.nextInt(4);
            for (int v = 0; v < versions; v++) {
                lines.add(document(id, i, v).getBytes(StandardCharsets.UTF_8));
            }
            if (r.nextInt(100) < 4) {
                lines.add(badLine(i));
            }
            if (r.nextInt(100) < 2) {
                lines.add((r.nextBoolean() ? "" : " \t ").getBytes(StandardCharsets.UTF_8));
            }
        }
        java.util.Collections.shuffle(lines, r);
        for (byte[] line : lines) {
            String[] snapshot = SNAPSHOTS[r.nextInt(SNAPSHOTS.length)];
            String path = snapshot[0] + "/" + snapshot[1] + "/" + collectionPath + "/" + FILES[r.nextInt(FILES.length)];
            files.computeIfAbsent(path, k -> new ArrayList<>()).add(line);
        }
    }

    /** The lines for the reference, with where they are. */
    List<ReferenceLatest.Line> lines() {
        List<ReferenceLatest.Line> out = new ArrayList<>();
        files.forEach((path, lines) -> {
            String[] p = path.split("/");
            for (int i = 0; i < lines.size(); i++) {
                out.add(new ReferenceLatest.Line(p[0], p[1], p[p.length - 1], i + 1, lines.get(i)));
            }
        });
        return out;
    }

    /** An id: a JSON value as nested maps, lists, strings, numbers (as text) and booleans. */
    private Object id(int depth) {
        int k = depth >= 2 ? 2 + r.nextInt(4) : r.nextInt(6);
        return switch (k) {
            case 0 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    String key = key();
                    String other = key.startsWith("$") ? "d_" + key.substring(1)
                            : key.startsWith("d_") ? "$" + key.substring(2) : key;
                    if (!m.containsKey(other)) { // "$oid" and "d_oid" are the same key: no duplicates here
                        m.put(key, id(depth + 1));
                    }
                }
                yield m;
            }
            case 1 -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    l.add(id(depth + 1));
                }
                yield l;
            }
            case 2 -> text();
            case 3 -> new Num(Integer.toString(r.nextInt(50)));
            case 4 -> new Num(r.nextInt(5) + "." + (r.nextBoolean() ? "50" : "5"));
            default -> r.nextInt(5) == 0 ? Boolean.TRUE : text();
        };
    }

    private String key() {
        String[] keys = {"oid", "$oid", "d_oid", "id", "type", "é", "Z", "z", "\uFFFF", "😀", "k\"q"};
        return keys[r.nextInt(keys.length)];
    }

    private String text() {
        String[] texts = {"a", "42", "x y", "é", "😀", "q\"uote", "back\\slash", "line\nbreak", "\u0001", "/"};
        return texts[r.nextInt(texts.length)] + r.nextInt(30);
    }

    record Num(String text) {
    }

    /** Writes an id with keys in random order, "$" keys sometimes as "d_" and strings randomly escaped. */
    private void json(Object v, StringBuilder b) {
        if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            java.util.Collections.shuffle(entries, r);
            b.append(r.nextBoolean() ? "{" : "{ ");
            for (int i = 0; i < entries.size(); i++) {
                String key = (String) entries.get(i).getKey();
                if (key.startsWith("$") && r.nextBoolean()) {
                    key = "d_" + key.substring(1); // the sanitised spelling: the same id
                }
                b.append(i > 0 ? ", " : "");
                string(key, b);
                b.append(r.nextBoolean() ? ":" : " : ");
                json(entries.get(i).getValue(), b);
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? "," : "");
                json(l.get(i), b);
            }
            b.append(']');
        } else if (v instanceof String s) {
            string(s, b);
        } else if (v instanceof Num n) {
            b.append(n.text());
        } else {
            b.append(v);
        }
    }

    private void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || (r.nextInt(4) == 0 && !Character.isSurrogate(c))) {
                b.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else if (c == '/' && r.nextBoolean()) {
                b.append("\\/");
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    private String document(Object id, int record, int version) {
        StringBuilder b = new StringBuilder("{");
        List<String> fields = new ArrayList<>();
        StringBuilder idText = new StringBuilder("\"_id\": ");
        json(id, idText);
        fields.add(idText.toString());
        int dates = r.nextInt(10);
        if (dates > 1) {
            fields.add("\"_lastModifiedDateTime\": " + date());
        } else if (dates == 1) {
            fields.add("\"_lastModifiedDateTime\": null");
        }
        if (r.nextInt(3) > 0) {
            fields.add("\"createdDateTime\": " + date());
        }
        switch (r.nextInt(12)) {
            case 0 -> fields.add("\"_removedDateTime\": " + date());
            case 1 -> fields.add("\"_removed\": " + (r.nextBoolean() ? "true" : "{\"by\": \"user\"}"));
            case 2 -> fields.add("\"@type\": \"MONGO_DELETE\"");
            case 3 -> fields.add("\"_removedDateTime\": null, \"_removed\": null");
            case 4 -> fields.add("\"@type\": \"MONGO_UPDATE\"");
            default -> { }
        }
        fields.add("\"record\": " + record + ", \"version\": " + version);
        java.util.Collections.shuffle(fields, r);
        b.append(String.join(r.nextBoolean() ? ", " : ",", fields)).append('}');
        return (r.nextInt(10) == 0 ? "  " : "") + b + (r.nextInt(10) == 0 ? " " : "");
    }

    /** One of the instants, in a form that holds its precision exactly. */
    private String date() {
        Instant t = INSTANTS[r.nextInt(INSTANTS.length)];
        boolean millis = t.getNano() % 1_000_000 == 0;
        boolean micros = t.getNano() % 1000 == 0;
        String nanosZ = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC).format(t);
        return switch (r.nextInt(8)) {
            case 0 -> millis ? "{\"d_date\": \"" + DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx")
                    .withZone(ZoneOffset.UTC).format(t) + "\"}" : "\"" + nanosZ + "\"";
            case 1 -> "{\"$date\": \"" + nanosZ + "\"}";
            case 2 -> millis ? "{\"$date\": " + t.toEpochMilli() + "}" : "\"" + nanosZ + "\"";
            case 3 -> millis ? "{\"d_date\": {\"$numberLong\": \"" + t.toEpochMilli() + "\"}}" : "\"" + nanosZ + "\"";
            case 4 -> "\"" + DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx")
                    .withZone(ZoneOffset.ofHours(1)).format(t) + "\"";
            case 5 -> "{\"d_date\": \"" + DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxx")
                    .withZone(ZoneOffset.ofHoursMinutes(-5, -30)).format(t) + "\"}";
            case 6 -> micros ? "\"" + DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                    .withZone(ZoneOffset.UTC).format(t) + "\"" : "\"" + nanosZ + "\"";
            default -> "\"" + nanosZ.replace('T', ' ').replace("Z", "") + "\"";
        };
    }

    private byte[] badLine(int record) {
        return switch (r.nextInt(6)) {
            case 0 -> ("{\"_id\": " + record + ", \"x\": [1, 2").getBytes(StandardCharsets.UTF_8);
            case 1 -> "[1, 2, 3]".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{\"noId\": true}".getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"_id\": " + record + ", \"_lastModifiedDateTime\": \"2021-02-30T00:00:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[] {'{', '"', '_', 'i', 'd', '"', ':', '"', (byte) 0xe9, '"', '}'};
            default -> "{\"_id\": null}".getBytes(StandardCharsets.UTF_8);
        };
    }
}
