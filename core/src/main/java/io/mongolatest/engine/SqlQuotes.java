package io.mongolatest.engine;

/** Reading SQL text: where a quoted literal or name ends. */
public final class SqlQuotes {
    private SqlQuotes() {
    }

    /**
     * Index just past the quote closing the one at {@code start}, a doubled quote being an escaped one;
     * the text's length when it is never closed.
     */
    public static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
