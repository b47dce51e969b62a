package io.mongolatest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory or disk in bytes. Units are binary everywhere: {@code 512MB} and {@code 512MiB} are both
 * 512 x 2^20 bytes, as the JVM and YARN read them. One typed value keeps megabytes and bytes apart: the original
 * system wrote megabytes where Hive expects bytes, and DuckDB reads {@code MB} as decimal.
 */
public record DataSize(long bytes) implements Comparable<DataSize> {
    private static final long KIB = 1024L;
    private static final long MIB = 1024L * KIB;
    private static final long GIB = 1024L * MIB;
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(I?B)?",
            Pattern.CASE_INSENSITIVE);

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("size is negative: " + bytes);
        }
    }

    public static DataSize ofMebibytes(long mebibytes) {
        return new DataSize(Math.multiplyExact(mebibytes, MIB));
    }

    public static DataSize ofGibibytes(long gibibytes) {
        return new DataSize(Math.multiplyExact(gibibytes, GIB));
    }

    /**
     * Reads {@code 512MB}, {@code 512MiB}, {@code 4GB}, {@code 2GiB}, {@code 1.5G}, {@code 64k} or a number of bytes;
     * every unit is binary. A malformed or too large size is a user error: sizes come from options and files.
     */
    public static DataSize parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw MongoLatestException.user("invalid size '" + text + "': expected a number and a unit, e.g. 4GiB or"
                    + " 512MiB");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw MongoLatestException.user("invalid size '" + text + "': too large");
        }
        return new DataSize(bytes.longValue());
    }

    /** Whole mebibytes, rounded down: YARN and Tez settings are whole megabytes. */
    public long mebibytes() {
        return bytes / MIB;
    }

    public DataSize plus(DataSize other) {
        return new DataSize(Math.addExact(bytes, other.bytes));
    }

    public DataSize minus(DataSize other) {
        return new DataSize(Math.subtractExact(bytes, other.bytes));
    }

    public DataSize times(long factor) {
        return new DataSize(Math.multiplyExact(bytes, factor));
    }

    /** This size times numerator / denominator, rounded down to a whole mebibyte. */
    public DataSize fraction(long numerator, long denominator) {
        return ofMebibytes(mebibytes() * numerator / denominator);
    }

    /** This size divided by {@code divisor}, rounded down to a whole byte. */
    public DataSize dividedBy(long divisor) {
        return new DataSize(bytes / divisor);
    }

    /** The largest multiple of {@code unit} that is not more than this size. */
    public DataSize roundDownTo(DataSize unit) {
        return unit.times(count(unit));
    }

    /** How many whole {@code unit}s fit in this size. */
    public long count(DataSize unit) {
        if (unit.bytes == 0) {
            throw new IllegalArgumentException("unit is zero");
        }
        return bytes / unit.bytes;
    }

    public static DataSize min(DataSize a, DataSize b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static DataSize max(DataSize a, DataSize b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /**
     * Binary units, in a form {@link #parse} reads: {@code 64 GiB} when whole gibibytes, else {@code 3584 MiB} when
     * whole mebibytes, else a rounded {@code 15.6 GiB} from a gibibyte up, else bytes ({@code 1024 B}).
     */
    @Override
    public String toString() {
        if (bytes % GIB == 0 && bytes > 0) {
            return bytes / GIB + " GiB";
        }
        if (bytes % MIB == 0 && bytes > 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes > GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
        }
        return bytes + " B";
    }
}
