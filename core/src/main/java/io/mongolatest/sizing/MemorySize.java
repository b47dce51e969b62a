package io.mongolatest.sizing;

/**
 * An amount of memory in bytes. YARN, Tez and Spark mix megabytes and bytes in their settings; keeping one
 * typed value avoids the original system's mistake of writing megabytes where Hive expects bytes.
 */
public record MemorySize(long bytes) implements Comparable<MemorySize> {
    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    public MemorySize {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory size is negative: " + bytes);
        }
    }

    public static MemorySize ofMebibytes(long mebibytes) {
        return new MemorySize(Math.multiplyExact(mebibytes, MIB));
    }

    public static MemorySize ofGibibytes(long gibibytes) {
        return new MemorySize(Math.multiplyExact(gibibytes, GIB));
    }

    /** Whole mebibytes, rounded down: YARN and Tez settings are whole megabytes. */
    public long mebibytes() {
        return bytes / MIB;
    }

    public MemorySize plus(MemorySize other) {
        return new MemorySize(Math.addExact(bytes, other.bytes));
    }

    public MemorySize minus(MemorySize other) {
        return new MemorySize(Math.subtractExact(bytes, other.bytes));
    }

    public MemorySize times(long factor) {
        return new MemorySize(Math.multiplyExact(bytes, factor));
    }

    /** This size times numerator / denominator, rounded down to a whole mebibyte. */
    public MemorySize fraction(long numerator, long denominator) {
        return ofMebibytes(mebibytes() * numerator / denominator);
    }

    /** This size divided by {@code divisor}, rounded down to a whole byte. */
    public MemorySize dividedBy(long divisor) {
        return new MemorySize(bytes / divisor);
    }

    /** The largest multiple of {@code unit} that is not more than this size. */
    public MemorySize roundDownTo(MemorySize unit) {
        return unit.times(count(unit));
    }

    /** How many whole {@code unit}s fit in this size. */
    public long count(MemorySize unit) {
        if (unit.bytes == 0) {
            throw new IllegalArgumentException("unit is zero");
        }
        return bytes / unit.bytes;
    }

    public static MemorySize min(MemorySize a, MemorySize b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static MemorySize max(MemorySize a, MemorySize b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** "64 GiB" when whole gibibytes, else "7168 MiB", else bytes. */
    @Override
    public String toString() {
        if (bytes % GIB == 0 && bytes > 0) {
            return bytes / GIB + " GiB";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes + " B";
    }
}
