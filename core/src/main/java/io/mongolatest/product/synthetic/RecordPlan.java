package io.mongolatest.product.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The versions of one synthetic record, drawn from its own random stream so that any file can be
 * written without the others: most records are in the full snapshot and some are updated in the
 * incrementals (sometimes at the same time as before, sometimes with an older time arriving late), a
 * few are removed (in the three forms), some removed ones come back, and some are new in an incremental.
 */
final class RecordPlan {
    private RecordPlan() {
    }

    static SplittableRandom random(long seed, int collection, long record) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + collection * 0xBF58476D1CE4E5B9L + record);
    }

    /** @param snapshotMillis the times of the snapshots, full first */
    static List<Version> versions(SplittableRandom r, long[] snapshotMillis) {
        int last = snapshotMillis.length - 1;
        int first = last > 0 && r.nextInt(100) < 10 ? 1 + r.nextInt(last) : 0;
        long created = first == 0 ? snapshotMillis[0] - 60_000L - r.nextLong(2L * 365 * 86_400_000L)
                : between(r, snapshotMillis[first - 1], snapshotMillis[first]);
        List<Version> out = new ArrayList<>(4);
        out.add(new Version(first, created, 0));
        int updates = updates(r);
        int snapshot = first;
        long time = created;
        for (int i = 0; i < updates && last > 0; i++) {
            snapshot = Math.min(last, Math.max(snapshot, 1) + (r.nextInt(3) == 0 ? 1 : 0));
            int kind = r.nextInt(100);
            if (kind < 3) {
                // same time as the version before: the later snapshot, file or line wins
            } else if (kind < 5) {
                time -= 1 + r.nextLong(86_400_000L); // a late arrival, older than what is there: it must lose
            } else {
                time = Math.max(time + 1, between(r, snapshotMillis[snapshot - 1], snapshotMillis[snapshot]));
            }
            out.add(new Version(snapshot, time, 0));
        }
        if (last > 0 && r.nextInt(100) < 6) {
            snapshot = Math.min(last, Math.max(snapshot, 1) + r.nextInt(2));
            time = Math.max(time + 1, between(r, snapshotMillis[snapshot - 1], snapshotMillis[snapshot]));
            out.add(new Version(snapshot, time, 1 + r.nextInt(3)));
            if (snapshot < last && r.nextInt(100) < 15) {
                out.add(new Version(snapshot + 1, time + 1 + r.nextLong(3_600_000L), 0)); // back again
            }
        }
        return out;
    }

    private static int updates(SplittableRandom r) {
        int p = r.nextInt(100);
        return p < 60 ? 0 : p < 85 ? 1 : p < 95 ? 2 : 3;
    }

    private static long between(SplittableRandom r, long from, long to) {
        return to > from + 1 ? from + 1 + r.nextLong(to - from - 1) : to;
    }
}
