package io.mongolatest.engine;

import java.util.List;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Warehouse;

/**
 * Read-only SQL over a warehouse: every published table as {@code database.table}, read from its Parquet
 * files, so that it works whether or not a run holds the catalog.
 */
public final class WarehouseReader {
    private WarehouseReader() {
    }

    public static EngineSession open(SqlEngine engine, EngineSettings settings, Warehouse warehouse) {
        List<String> databases = warehouse.databases();
        if (databases.isEmpty()) {
            throw MongoLatestException.user("no published tables in the warehouse " + warehouse.root());
        }
        List<ParquetTable> tables = warehouse.tables().stream()
                .map(t -> new ParquetTable(t.database(), t.table(), warehouse.tableLocation(t))).toList();
        return engine.capability(ReadOnlySessions.class).orElseThrow(() -> MongoLatestException.user(
                "the " + engine.name() + " engine cannot open read-only sessions")).openReader(settings, tables);
    }
}
