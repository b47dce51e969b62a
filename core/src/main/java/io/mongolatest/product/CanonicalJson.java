package io.mongolatest.product;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The canonical text of a JSON value, used for record ids: no whitespace; object keys sorted by code
 * point at every level, a leading {@code $} of a key written {@code d_} as upstream sanitising does (so
 * {@code {"$oid": …}} and {@code {"d_oid": …}} name the same record); strings re-escaped minimally
 * ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other controls and lone surrogates as lower-case
 * {@code \}{@code u00xx}); numbers exactly as written, so {@code 42} and {@code "42"}, and also {@code 1}
 * and {@code 1.0}, are different ids.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /** Thrown for an object with two equal keys (after sanitising), whose canonical form is ambiguous. */
    static final class DuplicateKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        DuplicateKeyException(String key) {
            super(key, null, false, false);
        }
    }

    /** Appends the canonical text of the value at the parser's current token, consuming all of it. */
    static void write(JsonParser p, StringBuilder out) throws IOException, DuplicateKeyException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> writeObject(p, out);
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(p, out);
                }
                out.append(']');
            }
            case VALUE_STRING -> quote(p.getText(), out);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.append(p.getText());
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new IllegalStateException("unexpected token " + t);
        }
    }

    private static void writeObject(JsonParser p, StringBuilder out) throws IOException, DuplicateKeyException {
        List<String[]> fields = new ArrayList<>(4);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = sanitise(p.currentName());
            p.nextToken();
            StringBuilder value = new StringBuilder();
            write(p, value);
            fields.add(new String[] {key, value.toString()});
        }
        fields.sort((a, b) -> compareCodePoints(a[0], b[0]));
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                if (fields.get(i)[0].equals(fields.get(i - 1)[0])) {
                    throw new DuplicateKeyException(fields.get(i)[0]);
                }
                out.append(',');
            }
            quote(fields.get(i)[0], out);
            out.append(':').append(fields.get(i)[1]);
        }
        out.append('}');
    }

    static String sanitise(String key) {
        return key.startsWith("$") ? "d_" + key.substring(1) : key;
    }

    /** Compares as Unicode code points (which UTF-16 order is not, above U+D7FF); same as UTF-8 byte order. */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return fixup(x) - fixup(y);
            }
        }
        return a.length() - b.length();
    }

    private static int fixup(char c) {
        if (c < 0xd800) {
            return c;
        }
        return c >= 0xe000 ? c - 0x800 : c + 0x2000;
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
