package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.RowSources;
import io.mongolatest.product.input.CollectionInput;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.Location;

/**
 * Builds the latest table of one collection in two passes over its files. Pass 1 reads every version as
 * a small row (position, canonical id, version time, created, removed) and the engine keeps, per id, the
 * version with the greatest (version time, position), the position ordering snapshot, file and line.
 * Pass 2 reads only the winning lines' text and joins it to them, straight into Parquet. The documents
 * themselves are never sorted or held in memory, which keeps the build fast and its memory small.
 */
final class LatestTableBuilder {
    private static final String VERSIONS = LatestSql.VERSIONS;
    private static final String WINNERS = LatestSql.WINNERS;
    private static final String LATEST_LINES = "ml_latest_lines";

    private static final String POSITIONS_SQL = "SELECT pos FROM " + WINNERS + " WHERE NOT removed ORDER BY pos";
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
     * Writes the table of {@code input} as Parquet into {@code directory}; returns its accounting.
     * {@code scratch} is a folder for temporary files, deleted before this returns.
     */
    CollectionReport build(CollectionInput input, Quarantine quarantine, Location directory, Path scratch) {
        LineTally tally = new LineTally();
        try (Spill spill = new Spill(scratch)) {
            rows.registerSource(VERSIONS, new VersionSource(store, input, quarantine, tally, spill));
            rows.createTempTable(WINNERS, LatestSql.DUCKDB_WINNERS_SQL);
            rows.dropSource(VERSIONS);
            List<Object> counts = engine.query(LatestSql.COUNTS_SQL).rows().get(0);
            long ids = ((Number) counts.get(0)).longValue();
            long removed = ((Number) counts.get(1)).longValue();
            long[] latest = rows.queryLongs(POSITIONS_SQL);
            rows.registerSource(LATEST_LINES, new LatestLineSource(store, input, latest, spill));
            long rows = engine.writeParquet(OUTPUT_SQL, directory);
            InputCounts c = tally.counts(latest.length, tally.loadedCount() - ids, removed, rows);
            c.check(input.key().toString());
            return new CollectionReport(input.key().database(), input.key().collection(), input.key().table().toString(),
                    input.files().size(), input.bytes(), c);
        } finally {
            Cleanup.quietly(() -> rows.dropSource(VERSIONS));
            Cleanup.quietly(() -> rows.dropSource(LATEST_LINES));
            Cleanup.quietly(() -> rows.dropTempTable(WINNERS));
        }
    }
}
