package io.mongolatest.latest.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The canonical text of a record id (SPEC §7): the JSON value without whitespace; object keys sorted by
 * code point at every level, a leading {@code $} of a key written {@code d_} as upstream sanitising does
 * (so {@code {"$oid": …}} and {@code {"d_oid": …}} name the same record); strings re-escaped minimally
 * ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other control characters and lone surrogates as
 * lower-case {@code \}{@code u00xx}); numbers exactly as written, so that {@code 42} and {@code "42"}, and
 * also {@code 1} and {@code 1.0}, are different ids. An object with two equal keys has no canonical form.
 */
final class CanonicalId {
    private static final int FLAT_MAX = 8;

    private final Bytes out = new Bytes(128);
    private final int[] ranges = new int[4 * FLAT_MAX];
    private final Integer[] order = new Integer[FLAT_MAX];
    private String duplicateKey;

    /** The canonical UTF-8 text of the valid JSON value at {@code b[i..end)}, or null when a key repeats. */
    byte[] of(byte[] b, int i, int end) {
        out.clear();
        duplicateKey = null;
        if (b[i] != '{' || !writeFlat(b, i, end)) {
            out.clear();
            write(b, i, end, out);
        }
        return duplicateKey == null ? out.toArray() : null;
    }

    /**
     * The common id, an object of a few plain keys (no escape, no '$') with plain scalar values, written
     * without building anything: false, having written nothing useful, for any other object.
     */
    private boolean writeFlat(byte[] b, int i, int end) {
        JsonFields f = new JsonFields(b, i, end);
        int n = 0;
        while (f.next()) {
            byte v = b[f.valueStart];
            if (n == FLAT_MAX || b[f.keyStart + 1] == '$' || v == '{' || v == '['
                    || !JsonStrings.isPlain(b, f.keyStart, f.keyEnd)
                    || v == '"' && !JsonStrings.isPlain(b, f.valueStart, f.valueEnd)) {
                return false;
            }
            ranges[4 * n] = f.keyStart;
            ranges[4 * n + 1] = f.keyEnd;
            ranges[4 * n + 2] = f.valueStart;
            ranges[4 * n + 3] = f.valueEnd;
            order[n] = n;
            n++;
        }
        java.util.Arrays.sort(order, 0, n, (x, y) -> Arrays.compareUnsigned(b, ranges[4 * x] + 1,
                ranges[4 * x + 1] - 1, b, ranges[4 * y] + 1, ranges[4 * y + 1] - 1));
        out.add('{');
        for (int k = 0; k < n; k++) {
            int e = 4 * order[k];
            if (k > 0) {
                int p = 4 * order[k - 1];
                if (duplicateKey == null && Arrays.equals(b, ranges[e] + 1, ranges[e + 1] - 1, b, ranges[p] + 1,
                        ranges[p + 1] - 1)) {
                    duplicateKey = new String(b, ranges[e] + 1, ranges[e + 1] - ranges[e] - 2,
                            java.nio.charset.StandardCharsets.UTF_8);
                }
                out.add(',');
            }
            out.add(b, ranges[e], ranges[e + 1] - ranges[e]);
            out.add(':');
            out.add(b, ranges[e + 2], ranges[e + 3] - ranges[e + 2]);
        }
        out.add('}');
        return true;
    }

    /** The key that appeared twice, after the last {@link #of} returned null. */
    String duplicateKey() {
        return duplicateKey;
    }

    /** Writes the value at {@code i}; returns the position after it. */
    private int write(byte[] b, int i, int end, Bytes to) {
        switch (b[i]) {
            case '{' -> {
                return writeObject(b, i, end, to);
            }
            case '[' -> {
                to.add('[');
                int k = JsonSyntax.skipWhitespace(b, i + 1, end);
                boolean first = true;
                while (b[k] != ']') {
                    if (!first) {
                        to.add(',');
                    }
                    first = false;
                    k = JsonSyntax.skipWhitespace(b, write(b, k, end, to), end);
                    if (b[k] == ',') {
                        k = JsonSyntax.skipWhitespace(b, k + 1, end);
                    }
                }
                to.add(']');
                return k + 1;
            }
            case '"' -> {
                int j = JsonSyntax.skipString(b, i, end);
                if (JsonStrings.isPlain(b, i, j)) {
                    to.add(b, i, j - i); // no escape: already canonical
                } else {
                    Bytes text = new Bytes(j - i);
                    JsonStrings.decode(b, i, j, text);
                    JsonStrings.quote(text.array(), 0, text.size(), to);
                }
                return j;
            }
            default -> {
                int j = JsonSyntax.skipValue(b, i, end, 0); // number or literal: as written
                to.add(b, i, j - i);
                return j;
            }
        }
    }

    private int writeObject(byte[] b, int i, int end, Bytes to) {
        List<Entry> entries = new ArrayList<>(4);
        JsonFields f = new JsonFields(b, i, end);
        while (f.next()) {
            Bytes key = new Bytes(f.keyEnd - f.keyStart);
            JsonStrings.decode(b, f.keyStart, f.keyEnd, key);
            if (key.size() > 0 && key.array()[0] == '$') {
                Bytes sanitised = new Bytes(key.size() + 1);
                sanitised.addAscii("d_");
                sanitised.add(key.array(), 1, key.size() - 1);
                key = sanitised;
            }
            Bytes value = new Bytes(32);
            write(b, f.valueStart, end, value);
            entries.add(new Entry(key.toArray(), value));
        }
        entries.sort((x, y) -> Bytes.compare(x.key, y.key));
        to.add('{');
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = entries.get(e);
            if (e > 0) {
                if (duplicateKey == null && Bytes.compare(entry.key, entries.get(e - 1).key) == 0) {
                    duplicateKey = new String(entry.key, java.nio.charset.StandardCharsets.UTF_8);
                }
                to.add(',');
            }
            JsonStrings.quote(entry.key, 0, entry.key.length, to);
            to.add(':');
            to.add(entry.value);
        }
        to.add('}');
        return f.objectEnd();
    }

    private record Entry(byte[] key, Bytes value) {
    }
}
