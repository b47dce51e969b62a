package io.mongolatest.engine.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.mongolatest.engine.WarehouseReader;
import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableStore;

/**
 * Every published table of a warehouse as Spark's own Iceberg reader gives it, through Iceberg's Spark catalog
 * opened from the table store's catalog properties, as any Spark job of another team would read them: its columns
 * as Spark types them, and its rows as sorted lines of text (instants in UTC), the audit table left out.
 */
public final class SparkIcebergReader {
    private SparkIcebergReader() {
    }

    /** By {@code database.table}: the columns first, then the sorted rows, each table at the snapshot readers read. */
    public static Map<String, List<String>> read(SparkSession spark, TableStore tables) {
        SparkSession session = spark.newSession();
        IcebergCatalogConf.configure(session, tables.catalogProperties());
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<TableName, Long> t : WarehouseReader.published(tables, WarehouseTables::published).entrySet()) {
            if (t.getKey().database().equals("audit")) {
                continue;
            }
            Dataset<Row> rows = session.read().option("snapshot-id", t.getValue().toString())
                    .table(IcebergTableViews.source(t.getKey()));
            List<String> lines = new ArrayList<>();
            for (Row r : rows.collectAsList()) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    Object v = r.get(i);
                    b.append(i == 0 ? "" : "|").append(v instanceof Instant instant ? instant.toString() : v);
                }
                lines.add(b.toString());
            }
            lines.sort(null);
            lines.add(0, rows.schema().toDDL()); // NOT NULL where a column is required
            out.put(t.getKey().toString(), lines);
        }
        return out;
    }
}
