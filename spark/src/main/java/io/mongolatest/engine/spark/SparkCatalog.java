package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.WarehouseCatalog;
import io.mongolatest.latest.KeptState;
import io.mongolatest.tables.TableStore;

/**
 * Spark's catalog of a warehouse, in memory: it ends with its process, so a session opening the warehouse drops
 * what the process's catalog held (another warehouse's) and gets the warehouse's tables, each as a view of the
 * Iceberg table at the snapshot readers read ({@link IcebergTableViews}), and its kept views
 * ({@link WarehouseCatalog}, in {@value #FILE}). The tables themselves are in the Iceberg catalog, which
 * outlives every process and which any Iceberg client reads.
 */
final class SparkCatalog {
    /** Kept beside the tables; not a database name, so no reader takes it for one. */
    static final String FILE = "catalog.spark.json";

    private SparkCatalog() {
    }

    /** {@code session} with its catalog made the warehouse's and its views kept there. */
    static EngineSession open(SparkSqlSession session, TableStore tables) {
        requireNonNull(tables, "tables is null");
        SparkSession spark = session.spark();
        ExternalCatalog external = spark.sharedState().externalCatalog();
        for (String db : scala.jdk.javaapi.CollectionConverters.asJava(external.listDatabases())) {
            if (!db.equals("default")) {
                session.execute("DROP DATABASE IF EXISTS " + SparkSql.identifier(db) + " CASCADE");
            }
        }
        WarehouseCatalog catalog = new WarehouseCatalog(tables, FILE);
        catalog.restore(session, KeptState::published); // the build reads its kept state at its snapshot
        return catalog.keeping(session, () -> views(spark));
    }

    /**
     * Every view of the product's SQL by {@code schema.name}, with its query text and columns; the views that show
     * a table ({@link IcebergTableViews}) are the warehouse's, not the product's, and are left out.
     */
    static Map<String, String> views(SparkSession spark) {
        ExternalCatalog external = spark.sharedState().externalCatalog();
        Map<String, String> out = new TreeMap<>();
        for (String db : scala.jdk.javaapi.CollectionConverters.asJava(external.listDatabases())) {
            for (String t : scala.jdk.javaapi.CollectionConverters.asJava(external.listTables(db))) {
                CatalogTable table = external.getTable(db, t);
                if (table.tableType().equals(CatalogTableType.VIEW()) && !IcebergTableViews.shows(table)) {
                    out.put(db + "." + t, (table.viewText().isDefined() ? table.viewText().get() : "") + "\n"
                            + table.schema().json());
                }
            }
        }
        return out;
    }
}
