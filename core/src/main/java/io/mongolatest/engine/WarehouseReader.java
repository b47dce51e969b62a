package io.mongolatest.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.Publications;
import io.mongolatest.tables.TableStore;

/**
 * Read-only SQL over a warehouse: every table of the databases a reader may see, as {@code database.table}, each
 * database as its last whole publication left it ({@link Publications}), whether or not a run is writing.
 */
public final class WarehouseReader {
    private WarehouseReader() {
    }

    /** Every table of every database. */
    public static EngineSession open(SqlEngine engine, EngineSettings settings, TableStore tables) {
        return open(engine, settings, tables, database -> true);
    }

    /** The tables of the databases {@code readable} accepts: what a product keeps for itself stays unseen. */
    public static EngineSession open(SqlEngine engine, EngineSettings settings, TableStore tables,
                                     Predicate<String> readable) {
        Map<TableName, Long> read = published(tables, readable);
        if (read.isEmpty()) {
            throw MongoLatestException.user("no published tables in the warehouse " + tables.warehouse());
        }
        return engine.capability(ReadOnlySessions.class).orElseThrow(() -> MongoLatestException.user(
                "the " + engine.name() + " engine cannot open read-only sessions")).openReader(settings, tables, read);
    }

    /** Each published table of the databases {@code readable} accepts, at the snapshot readers read. */
    public static Map<TableName, Long> published(TableStore tables, Predicate<String> readable) {
        Map<TableName, Long> read = new LinkedHashMap<>();
        for (String db : tables.databases()) {
            if (readable.test(db)) {
                Publications.readable(tables, db).forEach((t, id) -> read.put(new TableName(db, t), id));
            }
        }
        return read;
    }
}
