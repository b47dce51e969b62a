package io.mongolatest.engine.spark;

import static io.mongolatest.engine.spark.SparkSql.qualified;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;

import io.mongolatest.storage.TableName;
import io.mongolatest.tables.CatalogSpec;

/**
 * Makes a table of the Iceberg catalog ({@link IcebergCatalogConf}) readable in a session's own catalog, where the
 * product's SQL and views name it {@code db.t}: as a view of the table at one snapshot, so that every reader of
 * the session sees the same rows whatever is committed meanwhile. Iceberg's Spark reader applies the snapshot's
 * position deletes and reads columns by field id. Such a view carries the property {@value #SNAPSHOT}, which tells
 * it from the product's own views.
 */
final class IcebergTableViews {
    /** The view property holding the snapshot a table's view shows. */
    static final String SNAPSHOT = "mongo_latest.snapshot";

    private IcebergTableViews() {
    }

    /** {@code db.t} of {@code session} is now {@code table} of the Iceberg catalog at {@code snapshotId}. */
    static void show(SparkSqlSession session, TableName table, long snapshotId) {
        session.createSchema(table.database());
        if ("TABLE".equals(session.kindOf(table.database(), table.table()))) {
            session.dropRelation(table.database(), table.table());
        }
        session.execute("CREATE OR REPLACE VIEW " + qualified(table.database(), table.table()) + " TBLPROPERTIES ('"
                + SNAPSHOT + "' = '" + snapshotId + "') AS SELECT * FROM " + source(table) + " VERSION AS OF "
                + snapshotId);
    }

    /** The table in the Iceberg catalog, for Spark SQL. */
    static String source(TableName table) {
        return SparkSql.identifier(CatalogSpec.NAME) + "." + qualified(table.database(), table.table());
    }

    /** Whether {@code view} of {@code spark}'s catalog shows a table ({@link #show}), not the product's SQL. */
    static boolean shows(SparkSession spark, TableName view) {
        ExternalCatalog external = spark.sharedState().externalCatalog();
        return external.databaseExists(view.database()) && external.tableExists(view.database(), view.table())
                && shows(external.getTable(view.database(), view.table()));
    }

    static boolean shows(CatalogTable table) {
        return table.properties().contains(SNAPSHOT);
    }
}
