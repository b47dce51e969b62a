package io.mongolatest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as options and config files write them: {@code 90} (seconds), {@code 90s}, {@code 500ms}, {@code 5m},
 * {@code 1h}, {@code 7d}, or ISO-8601 such as {@code PT1M30S}. Defaults are written this way too, so that
 * {@code --help} shows them as they are typed.
 */
public final class DurationText {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    private DurationText() {
    }

    /** The duration {@code text} says; a user error when it says none. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofSeconds(n);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                throw MongoLatestException.user("'" + text + "' is too long a duration");
            }
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw MongoLatestException.user("'" + text + "' is not a duration (e.g. 90s, 5m, 1h)");
        }
    }

    /** {@code duration} as an option would give it, in the largest unit that says it exactly: 90s, 5m, 500ms. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s % 86_400 == 0 && s > 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }
}
