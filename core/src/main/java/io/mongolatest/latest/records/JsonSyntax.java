package io.mongolatest.latest.records;

/**
 * Strict JSON (RFC 8259) over the UTF-8 bytes of a line, without building anything: each method returns
 * the position just after what it read, or {@code -1 - p} when the text is not JSON at position {@code p}.
 * Containers may nest {@value #MAX_DEPTH} deep. The bytes are known to be valid UTF-8.
 */
final class JsonSyntax {
    static final int MAX_DEPTH = 1000;
    /** Bytes that end the plain run of a string: quote, backslash, control characters. */
    private static final boolean[] STRING_STOP = new boolean[256];
    private static final long QUOTES = Words.repeated('"');
    private static final long BACKSLASHES = Words.repeated('\\');
    private static final long SPACES = Words.repeated(' ');

    static {
        for (int c = 0; c < 0x20; c++) {
            STRING_STOP[c] = true;
        }
        STRING_STOP['"'] = true;
        STRING_STOP['\\'] = true;
    }

    private JsonSyntax() {
    }

    static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Whether text {@code b[from..end)} that is not JSON at {@code at} failed there for nesting past
     * {@link #MAX_DEPTH}: a bracket that opens one container too many. What lies before {@code at} was
     * read as JSON, so counting brackets outside strings gives the depth.
     */
    static boolean tooDeepAt(byte[] b, int from, int end, int at) {
        if (at >= end || (b[at] != '{' && b[at] != '[')) {
            return false;
        }
        int depth = 0;
        for (int i = from; i < at; i++) {
            byte c = b[i];
            if (c == '"') {
                int after = skipString(b, i, at);
                if (after < 0) {
                    return false;
                }
                i = after - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return depth >= MAX_DEPTH;
    }

    /** A value starting at {@code i} (no whitespace before it); {@code depth} counts enclosing containers. */
    static int skipValue(byte[] b, int i, int end, int depth) {
        if (i >= end) {
            return -1 - i;
        }
        return switch (b[i]) {
            case '{' -> skipObject(b, i, end, depth + 1);
            case '[' -> skipArray(b, i, end, depth + 1);
            case '"' -> skipString(b, i, end);
            case 't' -> literal(b, i, end, "true");
            case 'f' -> literal(b, i, end, "false");
            case 'n' -> literal(b, i, end, "null");
            default -> skipNumber(b, i, end);
        };
    }

    private static int skipObject(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return -1 - i;
        }
        i = skipWhitespace(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1 - i;
            }
            i = skipString(b, i, end);
            if (i < 0) {
                return i;
            }
            i = skipWhitespace(b, i, end);
            if (i >= end || b[i] != ':') {
                return -1 - i;
            }
            i = skipValue(b, skipWhitespace(b, i + 1, end), end, depth);
            if (i < 0) {
                return i;
            }
            i = skipWhitespace(b, i, end);
            if (i < end && b[i] == ',') {
                i = skipWhitespace(b, i + 1, end);
            } else if (i < end && b[i] == '}') {
                return i + 1;
            } else {
                return -1 - i;
            }
        }
    }

    private static int skipArray(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return -1 - i;
        }
        i = skipWhitespace(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = skipValue(b, i, end, depth);
            if (i < 0) {
                return i;
            }
            i = skipWhitespace(b, i, end);
            if (i < end && b[i] == ',') {
                i = skipWhitespace(b, i + 1, end);
            } else if (i < end && b[i] == ']') {
                return i + 1;
            } else {
                return -1 - i;
            }
        }
    }

    /** A string starting at its opening quote: no raw control characters, only the escapes JSON has. */
    static int skipString(byte[] b, int i, int end) {
        int j = i + 1;
        while (j < end) {
            j = plainRunEnd(b, j, end);
            if (j >= end) {
                break;
            }
            int c = b[j] & 0xff;
            if (c == '"') {
                return j + 1;
            }
            if (c < 0x20) {
                return -1 - j;
            }
            if (c == '\\') {
                if (j + 1 >= end) {
                    return -1 - j;
                }
                switch (b[j + 1]) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> j += 2;
                    case 'u' -> {
                        if (j + 6 > end || hex(b[j + 2]) < 0 || hex(b[j + 3]) < 0 || hex(b[j + 4]) < 0
                                || hex(b[j + 5]) < 0) {
                            return -1 - j;
                        }
                        j += 6;
                    }
                    default -> {
                        return -1 - j;
                    }
                }
            } else {
                j++;
            }
        }
        return -1 - j;
    }

    /**
     * The index of the first quote, backslash or control character in {@code b[j..end)}, or {@code end}: eight
     * bytes at a time ({@link Words}), then byte by byte. Most of a document's bytes are such plain runs of strings.
     */
    static int plainRunEnd(byte[] b, int j, int end) {
        for (; j + 8 <= end; j += 8) {
            long x = Words.at(b, j);
            long quote = x ^ QUOTES;
            long backslash = x ^ BACKSLASHES;
            // Words.zeroBytes of both, and the bytes below a space, masked once: measurably faster than three masks.
            long stops = ((quote - Words.ONES) & ~quote | (backslash - Words.ONES) & ~backslash | (x - SPACES) & ~x)
                    & Words.HIGH_BITS;
            if (stops != 0) {
                return j + Words.firstFlagged(stops);
            }
        }
        while (j < end && !STRING_STOP[b[j] & 0xff]) {
            j++;
        }
        return j;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    static int skipNumber(byte[] b, int i, int end) {
        int j = i;
        if (j < end && b[j] == '-') {
            j++;
        }
        if (j >= end || !digit(b[j])) {
            return -1 - j;
        }
        if (b[j] == '0') {
            j++;
        } else {
            while (j < end && digit(b[j])) {
                j++;
            }
        }
        if (j < end && b[j] == '.') {
            j++;
            if (j >= end || !digit(b[j])) {
                return -1 - j;
            }
            while (j < end && digit(b[j])) {
                j++;
            }
        }
        if (j < end && (b[j] == 'e' || b[j] == 'E')) {
            j++;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            if (j >= end || !digit(b[j])) {
                return -1 - j;
            }
            while (j < end && digit(b[j])) {
                j++;
            }
        }
        return j;
    }

    /** True when the number at {@code [i, end)} is written as an integer: no fraction, no exponent. */
    static boolean isInteger(byte[] b, int i, int end) {
        for (int j = i; j < end; j++) {
            if (b[j] == '.' || b[j] == 'e' || b[j] == 'E') {
                return false;
            }
        }
        return true;
    }

    private static int literal(byte[] b, int i, int end, String word) {
        if (i + word.length() > end) {
            return -1 - i;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return -1 - (i + k);
            }
        }
        return i + word.length();
    }

    static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
