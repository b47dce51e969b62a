package io.mongolatest.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;

/** An amount of memory or disk, parsed from {@code 512MB}, {@code 4GB}, {@code 2GiB}, ... */
public record DataSize(long bytes) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(I?B)?",
            Pattern.CASE_INSENSITIVE);

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
    }

    public static DataSize ofMegabytes(long mb) {
        return new DataSize(mb * 1024 * 1024);
    }

    public static DataSize ofGigabytes(long gb) {
        return new DataSize(gb * 1024 * 1024 * 1024);
    }

    /** Units are binary (1 GB = 1024 MB), as DuckDB and the JVM read them. */
    public static DataSize parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw MongoLatestException.user("invalid size '" + text + "': expected a number and a unit, e.g. 4GB or 512MB");
        }
        double n = Double.parseDouble(m.group(1));
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        return new DataSize((long) (n * (1L << shift)));
    }

    public long megabytes() {
        return bytes / (1024 * 1024);
    }

    /** Binary units, as parsed: {@code 2GiB}, {@code 512MiB}, else a rounded {@code 23.4GiB}. */
    @Override
    public String toString() {
        if (bytes % (1L << 30) == 0 && bytes > 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes % (1L << 20) == 0 && bytes > 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes > 1L << 30) {
            return String.format(Locale.ROOT, "%.1fGiB", bytes / (double) (1L << 30));
        }
        return bytes + "B";
    }
}
