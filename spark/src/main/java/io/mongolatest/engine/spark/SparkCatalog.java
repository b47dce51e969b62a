package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.WarehouseCatalog;
import io.mongolatest.product.build.LatestState;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;

/**
 * Spark's catalog of a warehouse. In memory (the default) it ends with its process: a session opening the
 * warehouse drops what the process's catalog held (another warehouse's) and gets the warehouse's current tables
 * and kept views ({@link WarehouseCatalog}, in {@value #FILE}). A Hive metastore ({@code --spark-catalog hive}:
 * Derby, a Hive metastore service, or the Glue Data Catalog on EMR) is shared and outlives the process: nothing
 * of it is dropped, the warehouse's tables are pointed at their current versions, and every commit of the
 * warehouse is followed there before the versions it superseded are deleted, so that a reader through the
 * metastore sees exactly one complete version of each table.
 */
final class SparkCatalog {
    /** Kept beside the tables; not a database name, so no reader takes it for one. */
    static final String FILE = "catalog.spark.json";

    private SparkCatalog() {
    }

    /** {@code session} with its catalog made the warehouse's and its views kept there. */
    static EngineSession open(SparkSqlSession session, Warehouse warehouse, boolean shared) {
        requireNonNull(warehouse, "warehouse is null");
        SparkSession spark = session.spark();
        if (!shared) {
            ExternalCatalog external = spark.sharedState().externalCatalog();
            for (String db : scala.jdk.javaapi.CollectionConverters.asJava(external.listDatabases())) {
                if (!db.equals("default")) {
                    session.execute("DROP DATABASE IF EXISTS " + SparkSql.identifier(db) + " CASCADE");
                }
            }
        }
        WarehouseCatalog catalog = new WarehouseCatalog(warehouse, FILE);
        catalog.restore(session, LatestState::published); // the build reads its state by location
        if (shared) {
            session.following(warehouse.follow((database, tables) -> follow(session, warehouse, database, tables)));
            return catalog.keeping(session, () -> views(spark, databases(warehouse, catalog)));
        }
        return catalog.keeping(session, () -> views(spark, null));
    }

    /**
     * The metastore points {@code database}'s tables at their new versions and drops the tables it lost; the
     * build's kept state is its own, not the product's, and stays out of the metastore.
     */
    private static void follow(SparkSqlSession session, Warehouse warehouse, String database,
                               Map<String, TableVersion> tables) {
        if (!LatestState.published(database)) {
            return;
        }
        for (String name : tables.keySet()) {
            session.registerParquetTable(database, name, warehouse.tableLocation(new TableName(database, name)));
        }
        for (String name : session.relations(database)) {
            if (!tables.containsKey(name) && "TABLE".equals(session.kindOf(database, name))) {
                session.dropRelation(database, name);
            }
        }
    }

    /** Where a shared metastore is searched for views: the warehouse's databases and those of its kept views. */
    private static Set<String> databases(Warehouse warehouse, WarehouseCatalog catalog) {
        Set<String> out = new TreeSet<>(warehouse.databases());
        catalog.read().forEach(v -> out.add(v.schema()));
        return out;
    }

    /**
     * Every view of {@code databases} (null: of every database) by {@code schema.name}, with its query text and
     * columns.
     */
    static Map<String, String> views(SparkSession spark, Collection<String> databases) {
        ExternalCatalog external = spark.sharedState().externalCatalog();
        Collection<String> dbs = databases != null ? databases
                : scala.jdk.javaapi.CollectionConverters.asJava(external.listDatabases());
        Map<String, String> out = new TreeMap<>();
        for (String db : dbs) {
            if (!external.databaseExists(db)) {
                continue;
            }
            for (String t : scala.jdk.javaapi.CollectionConverters.asJava(external.listTables(db))) {
                CatalogTable table = external.getTable(db, t);
                if (table.tableType().equals(CatalogTableType.VIEW())) {
                    out.put(db + "." + t, (table.viewText().isDefined() ? table.viewText().get() : "") + "\n"
                            + table.schema().json());
                }
            }
        }
        return out;
    }
}
