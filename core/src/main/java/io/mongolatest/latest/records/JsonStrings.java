package io.mongolatest.latest.records;

/**
 * JSON strings of a line: decoding a string token to its text, and writing text back in the canonical
 * form. Text is held as UTF-8 bytes; a lone surrogate (legal in JSON escapes, not in Unicode) is held
 * as its 3-byte generalised UTF-8 form, so that byte order stays code point order.
 */
final class JsonStrings {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonStrings() {
    }

    /** True when the token {@code b[i..j)} (quotes included) has no escape: its bytes are its text. */
    static boolean isPlain(byte[] b, int i, int j) {
        for (int k = i + 1; k < j - 1; k++) {
            if (b[k] == '\\') {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes of the token {@code b[i..j)} between its quotes are exactly {@code ascii}. */
    static boolean bytesEqual(byte[] b, int i, int j, String ascii) {
        if (j - i - 2 != ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[i + 1 + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when the token {@code b[i..j)} has exactly the text {@code ascii}. */
    static boolean textEquals(byte[] b, int i, int j, String ascii) {
        if (bytesEqual(b, i, j, ascii)) {
            return true;
        }
        if (isPlain(b, i, j)) {
            return false;
        }
        Bytes text = new Bytes(j - i);
        decode(b, i, j, text);
        return text.size() == ascii.length() && new String(text.array(), 0, text.size(),
                java.nio.charset.StandardCharsets.ISO_8859_1).equals(ascii);
    }

    /** Appends the text of the valid string token {@code b[i..j)} (quotes included). */
    static void decode(byte[] b, int i, int j, Bytes out) {
        int k = i + 1;
        int last = j - 1;
        while (k < last) {
            byte c = b[k];
            if (c != '\\') {
                out.add(c);
                k++;
                continue;
            }
            byte e = b[k + 1];
            if (e != 'u') {
                out.add(switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e; // " \ /
                });
                k += 2;
                continue;
            }
            int cp = hex4(b, k + 2);
            k += 6;
            if (cp >= 0xd800 && cp <= 0xdbff && k + 6 <= last && b[k] == '\\' && b[k + 1] == 'u') {
                int low = hex4(b, k + 2);
                if (low >= 0xdc00 && low <= 0xdfff) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    k += 6;
                }
            }
            encode(cp, out);
        }
    }

    /** Appends {@code text} as a canonical JSON string: quotes, and escapes only where JSON needs them. */
    static void quote(byte[] text, int off, int len, Bytes out) {
        out.add('"');
        int end = off + len;
        for (int k = off; k < end; k++) {
            int c = text[k] & 0xff;
            if (c == '"' || c == '\\') {
                out.add('\\');
                out.add(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\b' -> out.addAscii("\\b");
                    case '\f' -> out.addAscii("\\f");
                    case '\n' -> out.addAscii("\\n");
                    case '\r' -> out.addAscii("\\r");
                    case '\t' -> out.addAscii("\\t");
                    default -> unicodeEscape(c, out);
                }
            } else if (c == 0xed && k + 2 < end && (text[k + 1] & 0xff) >= 0xa0) {
                // a lone surrogate: JSON can only say it as an escape
                unicodeEscape(((c & 0x0f) << 12) | ((text[k + 1] & 0x3f) << 6) | (text[k + 2] & 0x3f), out);
                k += 2;
            } else {
                out.add(c);
            }
        }
        out.add('"');
    }

    private static void unicodeEscape(int c, Bytes out) {
        out.addAscii("\\u");
        out.add(HEX[(c >> 12) & 0xf]);
        out.add(HEX[(c >> 8) & 0xf]);
        out.add(HEX[(c >> 4) & 0xf]);
        out.add(HEX[c & 0xf]);
    }

    private static int hex4(byte[] b, int i) {
        return (JsonSyntax.hex(b[i]) << 12) | (JsonSyntax.hex(b[i + 1]) << 8) | (JsonSyntax.hex(b[i + 2]) << 4)
                | JsonSyntax.hex(b[i + 3]);
    }

    private static void encode(int cp, Bytes out) {
        if (cp < 0x80) {
            out.add(cp);
        } else if (cp < 0x800) {
            out.add(0xc0 | (cp >> 6));
            out.add(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out.add(0xe0 | (cp >> 12));
            out.add(0x80 | ((cp >> 6) & 0x3f));
            out.add(0x80 | (cp & 0x3f));
        } else {
            out.add(0xf0 | (cp >> 18));
            out.add(0x80 | ((cp >> 12) & 0x3f));
            out.add(0x80 | ((cp >> 6) & 0x3f));
            out.add(0x80 | (cp & 0x3f));
        }
    }
}
