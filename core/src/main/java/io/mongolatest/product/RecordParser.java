package io.mongolatest.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The record rules of SPEC §7 for one line: is it a record, and if so its canonical id, version time,
 * creation time and whether it is a removal. One parser per thread; the result fields hold the last line.
 *
 * <p>When several things are wrong, the first of these is reported: not JSON, not an object, a field the
 * rules read given twice, no {@code _id}, an unparseable date. (Invalid UTF-8 and over-long lines are
 * caught before.)
 */
final class RecordParser {
    private final JsonFactory json;
    private final MongoDates.DateValue modified = new MongoDates.DateValue();
    private final MongoDates.DateValue created = new MongoDates.DateValue();
    private final StringBuilder idText = new StringBuilder(64);

    /** The reason the line is bad, or null when it is a record. */
    BadReason bad;
    /** What exactly is wrong, for the quarantine file. */
    String problem;
    String id;
    boolean removed;
    long versionMicros;
    int versionNanos;
    boolean hasCreated;
    long createdMicros;

    RecordParser(JsonFactory json) {
        this.json = json;
    }

    void parse(byte[] b, int off, int len) {
        bad = null;
        problem = null;
        id = null;
        removed = false;
        modified.absent();
        created.absent();
        String duplicate = null;
        boolean seenId = false;
        int seen = 0;
        if (confusesEncodingDetection(b, off, len)) {
            fail(BadReason.NOT_JSON, "a byte order mark or NUL byte at the start of the line");
            return;
        }
        try (JsonParser p = json.createParser(b, off, len)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                if (p.nextToken() != null) {
                    fail(BadReason.NOT_JSON, "more than one JSON value on the line");
                } else {
                    fail(BadReason.NOT_AN_OBJECT, "the line is a JSON " + kind(t) + ", not an object");
                }
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                int bit = switch (name) {
                    case "_id" -> 1;
                    case "_lastModifiedDateTime" -> 2;
                    case "createdDateTime" -> 4;
                    case "_removedDateTime" -> 8;
                    case "_removed" -> 16;
                    case "@type" -> 32;
                    default -> 0;
                };
                if (bit != 0 && (seen & bit) != 0 && duplicate == null) {
                    duplicate = "field " + name + " appears twice";
                }
                seen |= bit;
                switch (bit) {
                    case 1 -> {
                        seenId = t != JsonToken.VALUE_NULL;
                        idText.setLength(0);
                        try {
                            CanonicalJson.write(p, idText);
                        } catch (CanonicalJson.DuplicateKeyException e) {
                            duplicate = duplicate != null ? duplicate : "key " + e.getMessage() + " appears twice in _id";
                        }
                    }
                    case 2 -> MongoDates.read(p, modified);
                    case 4 -> MongoDates.read(p, created);
                    case 8, 16 -> {
                        removed |= t != JsonToken.VALUE_NULL;
                        p.skipChildren();
                    }
                    case 32 -> {
                        removed |= t == JsonToken.VALUE_STRING && "MONGO_DELETE".equals(p.getText());
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                fail(BadReason.NOT_JSON, "more than one JSON value on the line");
                return;
            }
        } catch (JsonProcessingException e) {
            fail(BadReason.NOT_JSON, firstLine(e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory failed", e);
        }
        if (duplicate != null) {
            fail(BadReason.DUPLICATE_FIELD, duplicate);
        } else if (!seenId) {
            fail(BadReason.NO_ID, (seen & 1) != 0 ? "_id is null" : "no _id field");
        } else if (modified.present && !modified.ok) {
            fail(BadReason.BAD_DATE, "_lastModifiedDateTime: " + modified.problem);
        } else if (created.present && !created.ok) {
            fail(BadReason.BAD_DATE, "createdDateTime: " + created.problem);
        } else {
            id = idText.toString();
            hasCreated = created.present;
            createdMicros = created.micros;
            MongoDates.DateValue version = modified.present ? modified : created.present ? created : null;
            versionMicros = version == null ? UtcTime.FALLBACK.epochMicros() : version.micros;
            versionNanos = version == null ? 0 : version.nanos;
        }
    }

    // The JSON parser guesses UTF-16/32 from a BOM or NUL bytes in the first four; a line is UTF-8 and
    // neither is valid JSON there, so such lines are not JSON rather than read in another encoding.
    private static boolean confusesEncodingDetection(byte[] b, int off, int len) {
        if (len >= 3 && b[off] == (byte) 0xef && b[off + 1] == (byte) 0xbb && b[off + 2] == (byte) 0xbf) {
            return true;
        }
        for (int i = off; i < off + Math.min(4, len); i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    byte[] idUtf8() {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    private void fail(BadReason reason, String why) {
        bad = reason;
        problem = why;
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
