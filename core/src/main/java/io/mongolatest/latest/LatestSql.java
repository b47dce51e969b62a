package io.mongolatest.latest;

/**
 * The latest rule of SPEC §7 as SQL, the same text on every engine that builds: from the versions of one
 * collection ({@link #VERSIONS}: pos, id, ts, ts_nanos, created, removed), per id the one with the greatest
 * version time, then nanoseconds, then position (snapshot, file, line); standard SQL that DuckDB and Spark
 * both run.
 */
public final class LatestSql {
    /** The table or view of the versions the rule reads. */
    public static final String VERSIONS = "ml_versions";

    /** The winner of each id: pos, id, ts, created, removed, and ts_nanos for a later merge. */
    public static final String WINNERS_SQL = "SELECT pos, id, ts, created, removed, ts_nanos FROM ("
            + "SELECT pos, id, ts, created, removed, ts_nanos, row_number() OVER (PARTITION BY id"
            + " ORDER BY ts DESC, ts_nanos DESC, pos DESC) AS version_rank FROM " + VERSIONS + ") ranked"
            + " WHERE version_rank = 1";

    private LatestSql() {
    }
}
