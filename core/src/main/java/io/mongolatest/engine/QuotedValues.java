package io.mongolatest.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks the values an engine's error message quotes, which are the documents' own ({@code Could not convert
 * string 'AB000000A' to INT32}): the message goes to the terminal, the ledger and the audit table, where no
 * document value may go; the engine's exception, kept as the cause, takes it to the private log file alone.
 *
 * <p>What is masked: every single-quoted span, on both engines the quoting of values (Spark quotes types and
 * names with {@code "} and {@code `}, DuckDB names with {@code "}); the double-quoted spans of DuckDB's value
 * errors, which quote values so too ({@code invalid date field format: "AB000000A"}, malformed JSON); and a
 * number after "value" ({@code with value 12345678901}, {@code The value 12345678901L}). A span runs from its
 * first opening quote to its last closing one, so a value holding quotes is masked whole. Names of tables,
 * columns, types and files outside those spans stay readable.
 */
public final class QuotedValues {
    public static final String MASK = "…";
    /** DuckDB's kinds of error that quote a value of the data with {@code "}. */
    private static final List<String> DOUBLE_QUOTED_VALUES = List.of("Conversion Error", "Invalid Input Error",
            "Out of Range Error");
    private static final Pattern NUMBER_VALUE = Pattern.compile("(?i)\\b(value) -?[0-9][^\\s,;)]*");

    private QuotedValues() {
    }

    /** {@code message} with its quoted values masked, line by line; null stays null. */
    public static String masked(String message) {
        if (message == null) {
            return null;
        }
        boolean doubleQuoted = DOUBLE_QUOTED_VALUES.stream().anyMatch(message::startsWith);
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            String m = span(line, '\'');
            m = doubleQuoted ? span(m, '"') : m;
            out.append(NUMBER_VALUE.matcher(m).replaceAll("$1 " + MASK)).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * From the first {@code quote} that opens (not inside a word, as in "can't") to the last that closes, or to
     * the end when none closes: replaced by the quoted mask.
     */
    private static String span(String s, char quote) {
        int open = -1;
        for (int i = 0; i < s.length() && open < 0; i++) {
            if (s.charAt(i) == quote && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                open = i;
            }
        }
        if (open < 0) {
            return s;
        }
        int close = -1;
        for (int j = s.length() - 1; j > open && close < 0; j--) {
            if (s.charAt(j) == quote && (j == s.length() - 1 || !Character.isLetterOrDigit(s.charAt(j + 1)))) {
                close = j;
            }
        }
        String mask = quote + MASK + (close < 0 ? "" : String.valueOf(quote));
        return s.substring(0, open) + mask + (close < 0 ? "" : s.substring(close + 1));
    }
}
