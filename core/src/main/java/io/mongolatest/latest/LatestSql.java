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
    /** The table or view the engine keeps the winners in. */
    public static final String WINNERS = "ml_winners";

    /** The winner of each id: pos, id, ts, created, removed, and ts_nanos for a later merge. */
    public static final String WINNERS_SQL = "SELECT pos, id, ts, created, removed, ts_nanos FROM ("
            + "SELECT pos, id, ts, created, removed, ts_nanos, row_number() OVER (PARTITION BY id"
            + " ORDER BY ts DESC, ts_nanos DESC, pos DESC) AS version_rank FROM " + VERSIONS + ") ranked"
            + " WHERE version_rank = 1";

    /**
     * {@link #WINNERS_SQL} as DuckDB's aggregate, with ts_nanos kept for a later merge: one hash pass instead
     * of a sort per id. The greatest struct (ts, ts_nanos, pos, removed, created) is the row the window ranks
     * first: structs compare field by field, and pos is unique per version, so the fields after it only come
     * along. A plain {@code max} of one struct is about 2.5 times as fast as {@code arg_max} of a struct by
     * another.
     */
    public static final String DUCKDB_WINNERS_SQL = winnersOf(VERSIONS);

    /**
     * The winners of {@code versions} (a table, or a subquery with an alias, of the columns of {@link #VERSIONS}
     * and {@code id_digest}, the digest of the id pass 2 checks the lines it reads again against, null for a
     * kept winner). The winner of a union of version sets is the winner of their winners, which is how a delta
     * build merges the kept winners of an earlier build with the new versions.
     */
    public static String winnersOf(String versions) {
        return "SELECT w.pos AS pos, id, w.ts AS ts, w.ts_nanos AS ts_nanos, w.created AS created, w.removed AS removed,"
                + " w.id_digest AS id_digest FROM (SELECT id, max({'ts': ts, 'ts_nanos': ts_nanos, 'pos': pos,"
                + " 'removed': removed, 'created': created, 'id_digest': id_digest}) AS w FROM " + versions
                + " GROUP BY id) winners";
    }

    /** How many ids there are, and how many of them end in a removal. */
    public static final String COUNTS_SQL = "SELECT count(*) AS ids, count(CASE WHEN removed THEN 1 END) AS removed"
            + " FROM " + WINNERS;

    private LatestSql() {
    }
}
