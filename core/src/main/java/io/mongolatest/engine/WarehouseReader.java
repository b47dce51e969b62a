package io.mongolatest.engine;

import java.util.List;
import java.util.function.Predicate;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Warehouse;

/**
 * Read-only SQL over a warehouse: every table of the databases a reader may see, as {@code database.table},
 * read from its Parquet files, so that it works whether or not a run holds the catalog.
 */
public final class WarehouseReader {
    private WarehouseReader() {
    }

    /** Every table of every database. */
    public static EngineSession open(SqlEngine engine, EngineSettings settings, Warehouse warehouse) {
        return open(engine, settings, warehouse, database -> true);
    }

    /** The tables of the databases {@code readable} accepts: what a product keeps for itself stays unseen. */
    public static EngineSession open(SqlEngine engine, EngineSettings settings, Warehouse warehouse,
                                     Predicate<String> readable) {
        List<String> databases = warehouse.databases().stream().filter(readable).toList();
        if (databases.isEmpty()) {
            throw MongoLatestException.user("no published tables in the warehouse " + warehouse.root());
        }
        List<ParquetTable> tables = warehouse.tables().stream().filter(t -> readable.test(t.database()))
                .map(t -> new ParquetTable(t.database(), t.table(), warehouse.tableLocation(t))).toList();
        return engine.capability(ReadOnlySessions.class).orElseThrow(() -> MongoLatestException.user(
                "the " + engine.name() + " engine cannot open read-only sessions")).openReader(settings, tables);
    }
}
