package io.mongolatest.engine;

import io.mongolatest.latest.LatestSql;

/** DuckDB's SQL of its build: the latest rule ({@link LatestSql}) as one aggregate, and what it counts. */
final class DuckDbLatestSql {
    /** The temporary table the build keeps the winners in. */
    static final String WINNERS = "ml_winners";

    /**
     * {@link LatestSql#WINNERS_SQL} as DuckDB's aggregate, with ts_nanos kept for a later merge: one hash pass
     * instead of a sort per id. The greatest struct (ts, ts_nanos, pos, removed, created) is the row the window ranks
     * first: structs compare field by field, and pos is unique per version, so the fields after it only come
     * along. A plain {@code max} of one struct is about 2.5 times as fast as {@code arg_max} of a struct by
     * another.
     */
    static final String WINNERS_SQL = winnersOf(LatestSql.VERSIONS);

    /** How many ids there are, and how many of them end in a removal. */
    static final String COUNTS_SQL = "SELECT count(*) AS ids, count(CASE WHEN removed THEN 1 END) AS removed"
            + " FROM " + WINNERS;

    private DuckDbLatestSql() {
    }

    /**
     * The winners of {@code versions} (a table, or a subquery with an alias, of the columns of
     * {@link LatestSql#VERSIONS} and {@code id_digest}, the digest of the id pass 2 checks the lines it reads again against, null for a
     * kept winner). The winner of a union of version sets is the winner of their winners, which is how a delta
     * build merges the kept winners of an earlier build with the new versions.
     */
    static String winnersOf(String versions) {
        return "SELECT w.pos AS pos, id, w.ts AS ts, w.ts_nanos AS ts_nanos, w.created AS created, w.removed AS removed,"
                + " w.id_digest AS id_digest FROM (SELECT id, max({'ts': ts, 'ts_nanos': ts_nanos, 'pos': pos,"
                + " 'removed': removed, 'created': created, 'id_digest': id_digest}) AS w FROM " + versions
                + " GROUP BY id) winners";
    }
}
