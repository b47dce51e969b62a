package io.mongolatest.product.synthetic;

import java.util.List;

/**
 * How many records a synthetic collection has for its share of the documents, and how many lines each
 * snapshot gets. The last record may keep only its first versions, so that the total is exact.
 *
 * @param lastRecordVersions versions kept of the last record
 * @param linesPerSnapshot   document lines per snapshot, full first
 */
record CollectionPlan(Shape shape, long records, int lastRecordVersions, long[] linesPerSnapshot) {

    static CollectionPlan of(long seed, Shape shape, long documents, long[] snapshotMillis) {
        long[] lines = new long[snapshotMillis.length];
        long total = 0;
        long record = 0;
        int lastKept = 0;
        while (total < documents) {
            List<Version> versions = RecordPlan.versions(RecordPlan.random(seed, shape.ordinal(), record), snapshotMillis);
            int kept = (int) Math.min(versions.size(), documents - total);
            for (int i = 0; i < kept; i++) {
                lines[versions.get(i).snapshot()]++;
            }
            total += kept;
            lastKept = kept;
            record++;
        }
        return new CollectionPlan(shape, record, lastKept, lines);
    }

    /** The versions of {@code record} as written, the last record's cut to what the budget allows. */
    List<Version> versions(long seed, long record, long[] snapshotMillis) {
        List<Version> v = RecordPlan.versions(RecordPlan.random(seed, shape.ordinal(), record), snapshotMillis);
        return record == records - 1 ? v.subList(0, lastRecordVersions) : v;
    }
}
