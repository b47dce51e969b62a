package io.mongolatest.latest.records;

/**
 * Walks the fields of a JSON object already known to be valid: after each {@link #next()}, the key token
 * (quotes included) is {@code [keyStart, keyEnd)} and the value {@code [valueStart, valueEnd)}.
 */
final class JsonFields {
    private final byte[] b;
    private final int end;
    private int at;
    int keyStart;
    int keyEnd;
    int valueStart;
    int valueEnd;

    /** @param objectStart the position of the object's {@code &#123;} */
    JsonFields(byte[] b, int objectStart, int end) {
        this.b = b;
        this.end = end;
        this.at = JsonSyntax.skipWhitespace(b, objectStart + 1, end);
    }

    boolean next() {
        if (b[at] == ',') {
            at = JsonSyntax.skipWhitespace(b, at + 1, end);
        }
        if (b[at] == '}') {
            return false;
        }
        keyStart = at;
        keyEnd = JsonSyntax.skipString(b, at, end);
        valueStart = JsonSyntax.skipWhitespace(b, JsonSyntax.skipWhitespace(b, keyEnd, end) + 1, end);
        valueEnd = JsonSyntax.skipValue(b, valueStart, end, 0);
        at = JsonSyntax.skipWhitespace(b, valueEnd, end);
        return true;
    }

    /** The position just after the object's {@code &#125;}, once {@link #next()} returned false. */
    int objectEnd() {
        return at + 1;
    }

    boolean keyIs(String ascii) {
        return JsonStrings.textEquals(b, keyStart, keyEnd, ascii);
    }
}
