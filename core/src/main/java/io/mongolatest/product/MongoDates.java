package io.mongolatest.product;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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

    /** Reads the value at the parser's current token, consuming all of it. */
    static void read(JsonParser p, DateValue out) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            out.absent();
        } else if (t == JsonToken.VALUE_STRING) {
            parseIso(p.getText(), out);
        } else if (t == JsonToken.START_OBJECT) {
            int fields = 0;
            boolean dateKey = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                fields++;
                if (fields == 1 && ("$date".equals(key) || "d_date".equals(key))) {
                    dateKey = true;
                    readWrapped(p, v, out);
                } else {
                    p.skipChildren();
                }
            }
            if (!dateKey || fields != 1) {
                out.bad("an object date must have the single field $date or d_date");
            }
        } else {
            p.skipChildren();
            out.bad("expected a date string or {\"$date\": ...}, found " + describe(t));
        }
    }

    private static void readWrapped(JsonParser p, JsonToken v, DateValue out) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            parseIso(p.getText(), out);
        } else if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                out.bad("epoch milliseconds out of range: " + p.getText());
            } else {
                fromMillis(p.getLongValue(), p.getText(), out);
            }
        } else if (v == JsonToken.START_OBJECT) {
            int fields = 0;
            String millis = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken x = p.nextToken();
                fields++;
                if (("$numberLong".equals(key) || "d_numberLong".equals(key)) && x == JsonToken.VALUE_STRING) {
                    millis = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (fields != 1 || millis == null || !millis.matches("-?\\d{1,18}")) {
                out.bad("expected {\"$numberLong\": \"<epoch millis>\"} in $date");
            } else {
                fromMillis(Long.parseLong(millis), millis, out);
            }
        } else {
            p.skipChildren();
            out.bad("$date holds " + describe(v) + ", not a string or epoch milliseconds");
        }
    }

    private static void fromMillis(long millis, String text, DateValue out) {
        if (millis < MIN_MICROS / 1000 || millis > MAX_MICROS / 1000) {
            out.bad("epoch milliseconds out of range: " + text);
        } else {
            out.time(millis * 1000, 0);
        }
    }

    /** Parses an ISO timestamp (see the class comment). */
    static void parseIso(String s, DateValue out) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            out.bad("not an ISO timestamp: " + quote(s));
            return;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            out.bad("not a valid date and time: " + quote(s));
            return;
        }
        int i = 19;
        long fractionNanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int from = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            int count = i - from;
            if (count < 1 || count > 9) {
                out.bad("fraction of a second must have 1 to 9 digits: " + quote(s));
                return;
            }
            fractionNanos = digits(s, from, count);
            for (int k = count; k < 9; k++) {
                fractionNanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' && i + 1 == n) {
                i++;
            } else if (z == '+' || z == '-') {
                int rest = n - i - 1;
                int hh;
                int mm = 0;
                if (rest == 2) {
                    hh = digits(s, i + 1, 2);
                } else if (rest == 4) {
                    hh = digits(s, i + 1, 2);
                    mm = digits(s, i + 3, 2);
                } else if (rest == 5 && s.charAt(i + 3) == ':') {
                    hh = digits(s, i + 1, 2);
                    mm = digits(s, i + 4, 2);
                } else {
                    hh = -1;
                }
                if (hh < 0 || hh > 18 || mm < 0 || mm > 59) {
                    out.bad("invalid time zone offset: " + quote(s));
                    return;
                }
                offsetSeconds = (z == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
                i = n;
            }
        }
        if (i != n) {
            out.bad("unexpected text after the time: " + quote(s));
            return;
        }
        long seconds = daysFromCivil(year, month, day) * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        long micros = seconds * 1_000_000L + fractionNanos / 1000;
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            out.bad("outside the years 0001 to 9999 in UTC: " + quote(s));
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
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
