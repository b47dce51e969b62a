package io.mongolatest.latest.records;

import java.nio.charset.StandardCharsets;

/**
 * Reads the date forms of SPEC §7 into a reusable {@link DateValue}: an ISO string; {@code {"$date": …}}
 * or its sanitised form {@code {"d_date": …}} holding an ISO string, epoch milliseconds, or
 * {@code {"$numberLong"|"d_numberLong": "<millis>"}}. JSON null is an absent date.
 *
 * <p>ISO strings: {@code YYYY-MM-DD}, {@code T} or a space, {@code HH:MM:SS}, an optional fraction of 1 to
 * 9 digits, and an optional zone: {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}; no zone means
 * UTC. Years run from 0001 to 9999, as in every engine's timestamp type.
 */
final class MongoDates {
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    static final long MIN_MICROS = -62135596800_000000L; // 0001-01-01T00:00:00Z
    static final long MAX_MICROS = 253402300799_999999L; // 9999-12-31T23:59:59.999999Z
    private static final java.util.regex.Pattern MILLIS = java.util.regex.Pattern.compile("-?\\d{1,18}");

    private MongoDates() {
    }

    /** A date as read: absent, a time, or unparseable with a reason. */
    static final class DateValue {
        boolean present;
        boolean ok;
        long micros;
        int nanos;
        String problem;

        void absent() {
            present = false;
            ok = false;
            problem = null;
        }

        void bad(String why) {
            present = true;
            ok = false;
            problem = why;
        }

        void time(long epochMicros, int subMicroNanos) {
            present = true;
            ok = true;
            micros = epochMicros;
            nanos = subMicroNanos;
            problem = null;
        }
    }

    /** Reads the valid JSON value at {@code b[i..end)}. */
    static void read(byte[] b, int i, int end, DateValue out) {
        switch (b[i]) {
            case 'n' -> out.absent();
            case '"' -> isoString(b, i, JsonSyntax.skipString(b, i, end), out);
            case '{' -> {
                JsonFields f = new JsonFields(b, i, end);
                int fields = 0;
                boolean dateKey = false;
                while (f.next()) {
                    fields++;
                    if (fields == 1 && (f.keyIs("$date") || f.keyIs("d_date"))) {
                        dateKey = true;
                        readWrapped(b, f.valueStart, f.valueEnd, out);
                    }
                }
                if (!dateKey || fields != 1) {
                    out.bad("an object date must have the single field $date or d_date");
                }
            }
            default -> out.bad("expected a date string or {\"$date\": ...}, found " + describe(b[i]));
        }
    }

    private static void readWrapped(byte[] b, int i, int end, DateValue out) {
        switch (b[i]) {
            case '"' -> isoString(b, i, end, out);
            case '{' -> {
                JsonFields f = new JsonFields(b, i, end);
                int fields = 0;
                String millis = null;
                while (f.next()) {
                    fields++;
                    if ((f.keyIs("$numberLong") || f.keyIs("d_numberLong")) && b[f.valueStart] == '"') {
                        millis = text(b, f.valueStart, f.valueEnd);
                    }
                }
                if (fields != 1 || millis == null || !MILLIS.matcher(millis).matches()) {
                    out.bad("expected {\"$numberLong\": \"<epoch millis>\"} in $date");
                } else {
                    fromMillis(Long.parseLong(millis), millis, out);
                }
            }
            default -> {
                if (b[i] == '-' || JsonSyntax.digit(b[i])) {
                    String n = new String(b, i, end - i, StandardCharsets.US_ASCII);
                    if (!JsonSyntax.isInteger(b, i, end) || n.length() > 19 + (b[i] == '-' ? 1 : 0)) {
                        out.bad("epoch milliseconds must be an integer in range: " + n);
                    } else {
                        try {
                            fromMillis(Long.parseLong(n), n, out);
                        } catch (NumberFormatException e) {
                            out.bad("epoch milliseconds out of range: " + n);
                        }
                    }
                } else {
                    out.bad("$date holds " + describe(b[i]) + ", not a string or epoch milliseconds");
                }
            }
        }
    }

    private static void fromMillis(long millis, String text, DateValue out) {
        if (millis < MIN_MICROS / 1000 || millis > MAX_MICROS / 1000) {
            out.bad("epoch milliseconds out of range: " + text);
        } else {
            out.time(millis * 1000, 0);
        }
    }

    private static void isoString(byte[] b, int i, int j, DateValue out) {
        if (JsonStrings.isPlain(b, i, j)) {
            parseIso(b, i + 1, j - 1, out);
        } else {
            Bytes text = new Bytes(j - i);
            JsonStrings.decode(b, i, j, text);
            parseIso(text.array(), 0, text.size(), out);
        }
    }

    private static String text(byte[] b, int i, int j) {
        Bytes text = new Bytes(j - i);
        JsonStrings.decode(b, i, j, text);
        return new String(text.array(), 0, text.size(), StandardCharsets.UTF_8);
    }

    /** Parses an ISO timestamp (see the class comment) from the bytes {@code s[from..to)}. */
    static void parseIso(byte[] s, int from, int to, DateValue out) {
        int n = to - from;
        if (n < 19 || s[from + 4] != '-' || s[from + 7] != '-' || (s[from + 10] != 'T' && s[from + 10] != ' ')
                || s[from + 13] != ':' || s[from + 16] != ':') {
            out.bad("not an ISO timestamp: " + quote(s, from, to));
            return;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            out.bad("not a valid date and time: " + quote(s, from, to));
            return;
        }
        int i = from + 19;
        long fractionNanos = 0;
        if (i < to && s[i] == '.') {
            int start = ++i;
            while (i < to && JsonSyntax.digit(s[i])) {
                i++;
            }
            int count = i - start;
            if (count < 1 || count > 9) {
                out.bad("fraction of a second must have 1 to 9 digits: " + quote(s, from, to));
                return;
            }
            fractionNanos = digits(s, start, count);
            for (int k = count; k < 9; k++) {
                fractionNanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < to) {
            byte z = s[i];
            if (z == 'Z' && i + 1 == to) {
                i++;
            } else if (z == '+' || z == '-') {
                int rest = to - i - 1;
                int hh = -1;
                int mm = 0;
                if (rest == 2) {
                    hh = digits(s, i + 1, 2);
                } else if (rest == 4) {
                    hh = digits(s, i + 1, 2);
                    mm = digits(s, i + 3, 2);
                } else if (rest == 5 && s[i + 3] == ':') {
                    hh = digits(s, i + 1, 2);
                    mm = digits(s, i + 4, 2);
                }
                if (hh < 0 || hh > 18 || mm < 0 || mm > 59) {
                    out.bad("invalid time zone offset: " + quote(s, from, to));
                    return;
                }
                offsetSeconds = (z == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
                i = to;
            }
        }
        if (i != to) {
            out.bad("unexpected text after the time: " + quote(s, from, to));
            return;
        }
        long seconds = daysFromCivil(year, month, day) * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        long micros = seconds * 1_000_000L + fractionNanos / 1000;
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            out.bad("outside the years 0001 to 9999 in UTC: " + quote(s, from, to));
            return;
        }
        out.time(micros, (int) (fractionNanos % 1000));
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }

    private static int daysIn(int year, int month) {
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(byte[] s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            if (!JsonSyntax.digit(s[k])) {
                return -1;
            }
            v = v * 10 + (s[k] - '0');
        }
        return v;
    }

    private static String quote(byte[] s, int from, int to) {
        String t = new String(s, from, to - from, StandardCharsets.UTF_8);
        return "\"" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "\"";
    }

    private static String describe(byte first) {
        return switch (first) {
            case '[' -> "an array";
            case '{' -> "an object";
            case '"' -> "a string";
            case 't', 'f' -> "a boolean";
            case 'n' -> "null";
            default -> "a number";
        };
    }
}
