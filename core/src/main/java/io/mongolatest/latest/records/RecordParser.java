package io.mongolatest.latest.records;

/**
 * The record rules of SPEC §7 for one line: is it a record, and if so its canonical id, version time,
 * creation time and whether it is a removal. It reads the line's bytes once, checking that the whole line
 * is one JSON value, and looks closer only at the fields the rules use. One parser per thread; the result
 * fields hold the last line's outcome.
 *
 * <p>When several things are wrong, the first of these is reported: not JSON, not an object, a field the
 * rules read given twice (or a key repeated inside {@code _id}), no {@code _id}, an unparseable date.
 * (Invalid UTF-8 and over-long lines are caught before.)
 */
public final class RecordParser {
    private static final int ID = 1;
    private static final int MODIFIED = 2;
    private static final int CREATED = 4;
    private static final int REMOVED_AT = 8;
    private static final int REMOVED = 16;
    private static final int TYPE = 32;
    /** SPEC §7: the version time of a document with neither date, 1980-01-01T00:00:00Z. */
    static final long FALLBACK_MICROS = 315_532_800_000_000L;

    private final MongoDates.DateValue modified = new MongoDates.DateValue();
    private final MongoDates.DateValue created = new MongoDates.DateValue();
    private final CanonicalId canonical = new CanonicalId();
    /** Where the line being parsed ends. */
    private int lineEnd;

    /** The reason the line is bad, or null when it is a record. */
    public BadReason bad;
    /** What exactly is wrong, for the quarantine file. */
    public String problem;
    /** The canonical id, UTF-8. */
    public byte[] id;
    public boolean removed;
    public long versionMicros;
    public int versionNanos;
    public boolean hasCreated;
    public long createdMicros;

    public void parse(byte[] b, int off, int len) {
        lineEnd = off + len;
        bad = null;
        problem = null;
        id = null;
        removed = false;
        modified.absent();
        created.absent();
        int end = off + len;
        int i = JsonSyntax.skipWhitespace(b, off, end);
        if (i >= end || b[i] != '{') {
            int j = JsonSyntax.skipValue(b, i, end, 0);
            if (j < 0) {
                notJson(b, off, -1 - j);
            } else if (JsonSyntax.skipWhitespace(b, j, end) != end) {
                notJson(b, off, JsonSyntax.skipWhitespace(b, j, end));
            } else {
                fail(BadReason.NOT_AN_OBJECT, "the line is a JSON " + kind(b[i]) + ", not an object");
            }
            return;
        }
        int seen = 0;
        String duplicate = null;
        boolean idNull = false;
        byte[] idText = null;
        i = JsonSyntax.skipWhitespace(b, i + 1, end);
        if (i < end && b[i] == '}') {
            i++;
        } else {
            while (true) {
                if (i >= end || b[i] != '"') {
                    notJson(b, off, i);
                    return;
                }
                int keyEnd = JsonSyntax.skipString(b, i, end);
                if (keyEnd < 0) {
                    notJson(b, off, -1 - keyEnd);
                    return;
                }
                int field = field(b, i, keyEnd);
                int colon = JsonSyntax.skipWhitespace(b, keyEnd, end);
                if (colon >= end || b[colon] != ':') {
                    notJson(b, off, colon);
                    return;
                }
                int v = JsonSyntax.skipWhitespace(b, colon + 1, end);
                int vEnd = JsonSyntax.skipValue(b, v, end, 1);
                if (vEnd < 0) {
                    notJson(b, off, -1 - vEnd);
                    return;
                }
                if (field != 0) {
                    if ((seen & field) != 0 && duplicate == null) {
                        duplicate = "field " + name(field) + " appears twice";
                    }
                    seen |= field;
                    switch (field) {
                        case ID -> {
                            idNull = b[v] == 'n';
                            idText = canonical.of(b, v, vEnd);
                            if (idText == null && duplicate == null) {
                                duplicate = "key " + canonical.duplicateKey() + " appears twice in _id";
                            }
                        }
                        case MODIFIED -> MongoDates.read(b, v, vEnd, modified);
                        case CREATED -> MongoDates.read(b, v, vEnd, created);
                        case REMOVED_AT, REMOVED -> removed |= b[v] != 'n';
                        default -> removed |= b[v] == '"' && JsonStrings.textEquals(b, v, vEnd, "MONGO_DELETE");
                    }
                }
                i = JsonSyntax.skipWhitespace(b, vEnd, end);
                if (i < end && b[i] == ',') {
                    i = JsonSyntax.skipWhitespace(b, i + 1, end);
                } else if (i < end && b[i] == '}') {
                    i++;
                    break;
                } else {
                    notJson(b, off, i);
                    return;
                }
            }
        }
        int after = JsonSyntax.skipWhitespace(b, i, end);
        if (after != end) {
            notJson(b, off, after);
        } else if (duplicate != null) {
            fail(BadReason.DUPLICATE_FIELD, duplicate);
        } else if ((seen & ID) == 0 || idNull) {
            fail(BadReason.NO_ID, (seen & ID) != 0 ? "_id is null" : "no _id field");
        } else if (modified.present && !modified.ok) {
            fail(BadReason.BAD_DATE, "_lastModifiedDateTime: " + modified.problem);
        } else if (created.present && !created.ok) {
            fail(BadReason.BAD_DATE, "createdDateTime: " + created.problem);
        } else {
            id = idText;
            hasCreated = created.present;
            createdMicros = created.micros;
            MongoDates.DateValue version = modified.present ? modified : created.present ? created : null;
            versionMicros = version == null ? FALLBACK_MICROS : version.micros;
            versionNanos = version == null ? 0 : version.nanos;
        }
    }

    /**
     * The canonical id of the line {@code b[off..off+len)}, read no further than its top-level {@code _id}: null
     * when the line is no JSON object as far as that, or has no {@code _id} (or a null one, or a key repeated in
     * it). Much cheaper than {@link #parse} when {@code _id} comes first: for checking that a line read again
     * still carries the id it had.
     */
    public byte[] idOf(byte[] b, int off, int len) {
        int end = off + len;
        int i = JsonSyntax.skipWhitespace(b, off, end);
        if (i >= end || b[i] != '{') {
            return null;
        }
        i = JsonSyntax.skipWhitespace(b, i + 1, end);
        while (i < end && b[i] == '"') {
            int keyEnd = JsonSyntax.skipString(b, i, end);
            int colon = keyEnd < 0 ? end : JsonSyntax.skipWhitespace(b, keyEnd, end);
            if (colon >= end || b[colon] != ':') {
                return null;
            }
            int v = JsonSyntax.skipWhitespace(b, colon + 1, end);
            int vEnd = JsonSyntax.skipValue(b, v, end, 1);
            if (vEnd < 0) {
                return null;
            }
            if (field(b, i, keyEnd) == ID) {
                return b[v] == 'n' ? null : canonical.of(b, v, vEnd);
            }
            i = JsonSyntax.skipWhitespace(b, vEnd, end);
            if (i >= end || b[i] != ',') {
                return null;
            }
            i = JsonSyntax.skipWhitespace(b, i + 1, end);
        }
        return null;
    }

    /** Which of the fields the rules read the key token {@code b[i..j)} names, or 0. */
    private static int field(byte[] b, int i, int j) {
        int len = j - i - 2;
        if (len < 3 || (b[i + 1] != '_' && b[i + 1] != 'c' && b[i + 1] != '@' && b[i + 1] != '\\')) {
            return 0;
        }
        if (len > 21) {
            // longer than every name, unless escapes make it so (six bytes at most for each character)
            return len <= 6 * 21 && !JsonStrings.isPlain(b, i, j) ? escapedField(b, i, j) : 0;
        }
        if (!JsonStrings.isPlain(b, i, j)) {
            return escapedField(b, i, j);
        }
        // Without escapes a key is its bytes: one comparison, with the one name of its length.
        return switch (len) {
            case 3 -> JsonStrings.bytesEqual(b, i, j, "_id") ? ID : 0;
            case 5 -> JsonStrings.bytesEqual(b, i, j, "@type") ? TYPE : 0;
            case 8 -> JsonStrings.bytesEqual(b, i, j, "_removed") ? REMOVED : 0;
            case 15 -> JsonStrings.bytesEqual(b, i, j, "createdDateTime") ? CREATED : 0;
            case 16 -> JsonStrings.bytesEqual(b, i, j, "_removedDateTime") ? REMOVED_AT : 0;
            case 21 -> JsonStrings.bytesEqual(b, i, j, "_lastModifiedDateTime") ? MODIFIED : 0;
            default -> 0;
        };
    }

    /** {@link #field} of a key written with escapes, decoded first. */
    private static int escapedField(byte[] b, int i, int j) {
        if (JsonStrings.textEquals(b, i, j, "_id")) {
            return ID;
        }
        if (JsonStrings.textEquals(b, i, j, "_lastModifiedDateTime")) {
            return MODIFIED;
        }
        if (JsonStrings.textEquals(b, i, j, "createdDateTime")) {
            return CREATED;
        }
        if (JsonStrings.textEquals(b, i, j, "_removedDateTime")) {
            return REMOVED_AT;
        }
        if (JsonStrings.textEquals(b, i, j, "_removed")) {
            return REMOVED;
        }
        return JsonStrings.textEquals(b, i, j, "@type") ? TYPE : 0;
    }

    /** The name of a field the rules read, as the rules know it, however the line spelt it. */
    private static String name(int field) {
        return switch (field) {
            case ID -> "_id";
            case MODIFIED -> "_lastModifiedDateTime";
            case CREATED -> "createdDateTime";
            case REMOVED_AT -> "_removedDateTime";
            case REMOVED -> "_removed";
            default -> "@type";
        };
    }

    private void notJson(byte[] b, int off, int at) {
        fail(BadReason.NOT_JSON, (JsonSyntax.tooDeepAt(b, off, lineEnd, at) ? "arrays and objects nested deeper than"
                + " the limit of " + JsonSyntax.MAX_DEPTH + ", at byte " : "not valid JSON at byte ") + (at - off + 1));
    }

    private void fail(BadReason reason, String why) {
        bad = reason;
        problem = why;
    }

    private static String kind(byte first) {
        return switch (first) {
            case '[' -> "array";
            case '"' -> "string";
            case 't', 'f' -> "boolean";
            case 'n' -> "null";
            default -> "number";
        };
    }
}
