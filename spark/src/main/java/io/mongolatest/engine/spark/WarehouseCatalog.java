package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.Warehouse;

/**
 * What DuckDB's {@code catalog.duckdb} is to a DuckDB warehouse, for Spark, whose catalog lives in memory and
 * ends with its process: a session opening the warehouse gets the warehouse's current tables, and the views
 * statements created before (in any process), from {@value #FILE} beside them, in the order they were made.
 */
final class WarehouseCatalog {
    /** Kept beside the tables; not a database name, so no reader takes it for one. */
    static final String FILE = "catalog.spark.json";
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final TypeReference<List<View>> VIEWS = new TypeReference<>() { };

    /** A view, by the statement that made it as it was last made. */
    record View(String schema, String name, String sql) {
        View {
            requireNonNull(schema, "schema is null");
            requireNonNull(name, "name is null");
            requireNonNull(sql, "sql is null");
        }
    }

    private final Warehouse warehouse;

    WarehouseCatalog(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    /**
     * Makes the catalog the warehouse's: every other database goes (they are this process's, e.g. another
     * warehouse's), every current table is registered at its location, and the recorded views are made again.
     * A view that cannot be made (its tables are gone) is left out, with a warning.
     */
    void restore(SparkSqlSession session) {
        ExternalCatalog external = session.spark().sharedState().externalCatalog();
        for (String db : scala.jdk.javaapi.CollectionConverters.asJava(external.listDatabases())) {
            if (!db.equals("default")) {
                session.command("DROP DATABASE IF EXISTS " + SparkSql.identifier(db) + " CASCADE");
            }
        }
        for (TableName t : warehouse.tables()) {
            session.registerParquetTable(t.database(), t.table(), warehouse.tableLocation(t));
        }
        for (View v : read()) {
            session.createSchema(v.schema());
            try {
                session.command(v.sql());
            } catch (SqlFailure e) {
                LOG.warn("view {}.{} of the warehouse cannot be made again: {}", v.schema(), v.name(), e.getMessage());
            }
        }
    }

    /** Every view in the catalog by {@code schema.name}, with what it is (its query text and columns). */
    Map<String, String> views(SparkSession spark) {
        ExternalCatalog external = spark.sharedState().externalCatalog();
        Map<String, String> out = new TreeMap<>();
        for (String db : scala.jdk.javaapi.CollectionConverters.asJava(external.listDatabases())) {
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

    /** {@code sql} changed the views from {@code before} to {@code after}: the record follows. */
    void record(Map<String, String> before, Map<String, String> after, String sql) {
        List<View> views = new ArrayList<>(read());
        views.removeIf(v -> !after.containsKey(key(v)) || !after.get(key(v)).equals(before.get(key(v))));
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                int dot = e.getKey().indexOf('.');
                views.add(new View(e.getKey().substring(0, dot), e.getKey().substring(dot + 1), sql));
            }
        }
        write(views);
    }

    private static String key(View v) {
        return v.schema() + "." + v.name();
    }

    List<View> read() {
        try {
            Optional<InputStream> in = warehouse.files().open(FILE);
            if (in.isEmpty()) {
                return List.of();
            }
            try (InputStream s = in.get()) {
                return JSON.readValue(s, VIEWS);
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot read " + warehouse.files().location(FILE) + ": "
                    + e.getMessage(), e);
        }
    }

    private void write(List<View> views) {
        FileArea files = warehouse.files();
        try (OutputStream out = files.create(FILE)) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, views);
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + files.location(FILE) + ": " + e.getMessage(), e);
        }
    }
}
