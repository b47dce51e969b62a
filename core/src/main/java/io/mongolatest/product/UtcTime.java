package io.mongolatest.product;

/**
 * An instant to the nanosecond: {@code epochMicros} (what timestamp columns hold) plus the nanoseconds
 * below the microsecond, which only break ties between version times.
 */
record UtcTime(long epochMicros, int subMicroNanos) implements Comparable<UtcTime> {
    /** SPEC §7: the version time of a document with neither date. */
    static final UtcTime FALLBACK = new UtcTime(java.time.Instant.parse("1980-01-01T00:00:00Z").getEpochSecond()
            * 1_000_000L, 0);

    UtcTime {
        if (subMicroNanos < 0 || subMicroNanos > 999) {
            throw new IllegalArgumentException("subMicroNanos out of range: " + subMicroNanos);
        }
    }

    @Override
    public int compareTo(UtcTime o) {
        int c = Long.compare(epochMicros, o.epochMicros);
        return c != 0 ? c : Integer.compare(subMicroNanos, o.subMicroNanos);
    }
}
