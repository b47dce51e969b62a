package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mongolatest.tables.TableStore;

/**
 * DuckDB's catalog for a warehouse it does not hold ({@code catalog.duckdb} in the state folder, the tables on
 * S3): made the warehouse's when a session opens, whatever the state folder held before (nothing when fresh,
 * or what an older step process left), and the views its statements make kept in the warehouse, so that a
 * step process with a fresh state folder has the views of the steps before it.
 */
final class DuckDbCatalog {
    /** Beside the tables, as {@code catalog.spark.json} is for Spark. */
    static final String FILE = "catalog.duckdb.json";

    private DuckDbCatalog() {
    }

    static EngineSession restore(DuckDbSession session, TableStore warehouse) {
        requireNonNull(warehouse, "warehouse is null");
        for (List<Object> row : session.query("SELECT schema_name FROM duckdb_schemas() WHERE database_name ="
                + " current_database() AND NOT internal AND schema_name <> 'main'").rows()) {
            session.execute("DROP SCHEMA IF EXISTS " + DuckDbSql.identifier((String) row.get(0)) + " CASCADE");
        }
        WarehouseCatalog catalog = new WarehouseCatalog(warehouse, FILE);
        catalog.restore(session, database -> true);
        return catalog.keeping(session, () -> views(session));
    }

    /** Every view by {@code schema.name}, with its SQL: the tables' registrations too, which statements leave be. */
    private static Map<String, String> views(DuckDbSession session) {
        Map<String, String> out = new TreeMap<>();
        for (List<Object> row : session.query("SELECT schema_name, view_name, sql FROM duckdb_views() WHERE"
                + " database_name = current_database() AND NOT internal AND NOT temporary").rows()) {
            out.put(row.get(0) + "." + row.get(1), String.valueOf(row.get(2)));
        }
        return out;
    }
}
