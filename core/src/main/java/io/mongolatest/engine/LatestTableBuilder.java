package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.mongolatest.latest.CollectionReport;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.latest.LatestBuildJob;
import io.mongolatest.latest.LatestSql;
import io.mongolatest.latest.LineTally;
import io.mongolatest.latest.Quarantine;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableAt;
import io.mongolatest.tables.TableChange;

/**
 * Builds the latest table of one collection in two passes over its files. Pass 1 reads every version as
 * a small row (position, canonical id, version time, created, removed) and the engine keeps, per id, the
 * version with the greatest (version time, position), the position ordering snapshot, file and line.
 * Pass 2 reads only the winning lines' text and joins it to them, straight into Parquet. The documents
 * themselves are never sorted or held in memory, which keeps the build fast and its memory small.
 *
 * <p>The winners, removals included, are also written as the collection's kept state. A delta build
 * ({@link LatestBuildJob.Kept}) reads only the files after those an earlier build read, merges their versions
 * with that build's kept winners, and takes the text of the winners it did not read again from that
 * build's table: the same rows as reading every file.
 */
final class LatestTableBuilder {
    private static final String VERSIONS = LatestSql.VERSIONS;
    private static final String WINNERS = DuckDbLatestSql.WINNERS;
    private static final String LATEST_LINES = "ml_latest_lines";
    private static final String COLUMNS = "pos, id, ts, ts_nanos, created, removed";

    static final String OUTPUT_SQL = "SELECT w.id AS id, w.ts AS last_modified, w.created AS created,"
            + " l.snapshot_type AS snapshot_type, l.snapshot_id AS snapshot_id, l.val AS val"
            + " FROM " + LATEST_LINES + " l JOIN " + WINNERS + " w ON l.pos = w.pos";

    private final EngineSession engine;
    private final RowSources rows;
    private final InputStore store;

    LatestTableBuilder(EngineSession engine, RowSources rows, InputStore store) {
        this.engine = requireNonNull(engine, "engine is null");
        this.rows = requireNonNull(rows, "rows is null");
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Writes the table of {@code input} and its winners as the table {@code state}, uncommitted; returns them
     * with its accounting. {@code scratch} is a folder for temporary files, deleted before this returns;
     * {@code versionsRead} is told when pass 1 is over.
     */
    LatestBuild.BuiltCollection build(CollectionInput input, Optional<LatestBuildJob.Kept> kept, Quarantine quarantine,
                                      TableName state, Path scratch, Runnable versionsRead) {
        LineTally tally = new LineTally();
        int first = kept.map(LatestBuildJob.Kept::files).orElse(0);
        long boundary = (long) first << InputLines.LINE_BITS;
        try (Spill spill = new Spill(scratch)) {
            rows.registerSource(VERSIONS, new VersionSource(store, input, first, quarantine, tally, spill));
            if (kept.isPresent()) {
                rows.createTempTable(WINNERS, DuckDbLatestSql.winnersOf("(SELECT " + COLUMNS
                        + ", CAST(NULL AS BIGINT) AS id_digest FROM " + at(kept.get().state()) + " kept_state UNION ALL SELECT "
                        + COLUMNS + ", id_digest FROM " + VERSIONS + ") kept_and_new"));
            } else {
                rows.createTempTable(WINNERS, DuckDbLatestSql.WINNERS_SQL);
            }
            rows.dropSource(VERSIONS);
            List<Object> counts = engine.query(DuckDbLatestSql.COUNTS_SQL).rows().get(0);
            long ids = ((Number) counts.get(0)).longValue();
            long removed = ((Number) counts.get(1)).longValue();
            String chosen = " FROM " + WINNERS + " WHERE NOT removed AND pos >= " + boundary + " ORDER BY pos";
            long[] latest = rows.queryLongs("SELECT pos" + chosen);
            long[] latestIds = rows.queryLongs("SELECT id_digest" + chosen);
            versionsRead.run();
            rows.registerSource(LATEST_LINES, new LatestLineSource(store, input, first, latest, latestIds, spill));
            String output = kept.isEmpty() ? OUTPUT_SQL : OUTPUT_SQL + " UNION ALL SELECT o.id, o.last_modified,"
                    + " o.created, o.snapshot_type, o.snapshot_id, o.val FROM " + at(kept.get().latest())
                    + " o ANTI JOIN (SELECT id FROM " + WINNERS + " WHERE pos >= " + boundary + ") n ON o.id = n.id";
            TableChange latestTable = engine.writeTable(input.key().table(), output);
            TableChange stateTable = engine.writeTable(state, "SELECT " + COLUMNS + " FROM " + WINNERS);
            return new LatestBuild.BuiltCollection(CollectionReport.of(input, tally, kept, ids, removed,
                    latestTable.rows()), latestTable, stateTable);
        } finally {
            Cleanup.quietly(() -> rows.dropSource(VERSIONS));
            Cleanup.quietly(() -> rows.dropSource(LATEST_LINES));
            Cleanup.quietly(() -> rows.dropTempTable(WINNERS));
        }
    }

    private String at(TableAt table) {
        return engine.tableAt(table.table(), table.snapshotId());
    }
}
