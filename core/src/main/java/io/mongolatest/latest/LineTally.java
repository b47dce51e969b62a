package io.mongolatest.latest;

import java.util.Map;
import java.util.TreeMap;

import io.mongolatest.latest.records.BadReason;

/** Counts of lines as one reader sees them; added up per collection in {@link #add}. */
public final class LineTally implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private long lines;
    private long blank;
    private long loaded;
    private final long[] bad = new long[BadReason.values().length];

    public void line() {
        lines++;
    }

    public void blank() {
        blank++;
    }

    public void loaded() {
        loaded++;
    }

    public void bad(BadReason reason) {
        bad[reason.ordinal()]++;
    }

    public synchronized void add(LineTally o) {
        synchronized (o) {
            lines += o.lines;
            blank += o.blank;
            loaded += o.loaded;
            for (int i = 0; i < bad.length; i++) {
                bad[i] += o.bad[i];
            }
        }
    }

    /** The line counts, with the version counts the engine found. */
    public synchronized InputCounts counts(long latest, long superseded, long removed, long rows) {
        Map<String, Long> byReason = new TreeMap<>();
        long quarantined = 0;
        for (BadReason r : BadReason.values()) {
            if (bad[r.ordinal()] > 0) {
                byReason.put(r.code(), bad[r.ordinal()]);
                quarantined += bad[r.ordinal()];
            }
        }
        return new InputCounts(lines, blank, loaded, quarantined, byReason, latest, superseded, removed, rows);
    }

    public synchronized long loadedCount() {
        return loaded;
    }
}
