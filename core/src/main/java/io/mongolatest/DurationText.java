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
}
