package io.mongolatest.warehouse;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.ParquetTable;
import io.mongolatest.engine.SqlEngine;

/**
 * Read-only SQL over a warehouse: every published table as {@code database.table}, read from its Parquet
 * files, so that it works whether or not a run holds the catalog.
 */
public final class WarehouseReader {
    private WarehouseReader() {
    }

    public static EngineSession open(SqlEngine engine, EngineSettings settings) {
        if (!Files.isDirectory(settings.warehouse())) {
            throw MongoLatestException.user("no warehouse at " + settings.warehouse());
        }
        Warehouse warehouse = new Warehouse(settings.warehouse(), Clock.systemUTC());
        List<ParquetTable> tables = warehouse.tables().stream()
                .map(t -> new ParquetTable(t.database(), t.table(), warehouse.tablePath(t))).toList();
        return engine.openReader(settings, tables);
    }
}
