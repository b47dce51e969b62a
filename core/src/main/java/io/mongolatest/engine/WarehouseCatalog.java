package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.FileArea;
import io.mongolatest.tables.TableStore;

/**
 * An engine's catalog kept in the warehouse, for an engine whose own catalog does not live there: Spark's is in
 * memory and ends with its process; DuckDB's {@code catalog.duckdb} is in the state folder when the warehouse is
 * on S3. Yet every step of a cluster is a process of its own on a node that knows nothing, and a retry skips the
 * steps that made the views. So the statements that made the views are kept in a file beside the tables, in the
 * order they were made, and a session opened for the warehouse gets its current tables and those views again.
 */
public final class WarehouseCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final TypeReference<List<View>> VIEWS = new TypeReference<>() { };

    /** A view, by the statement that made it as it was last made. */
    public record View(String schema, String name, String sql) {
        public View {
            requireNonNull(schema, "schema is null");
            requireNonNull(name, "name is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * What only the engine can tell: every view of its catalog by {@code schema.name}, with what it is (its
     * query text, its columns), so that a statement that created, replaced or dropped one shows.
     */
    @FunctionalInterface
    public interface Views {
        Map<String, String> views();
    }

    private final TableStore warehouse;
    private final String file;

    /** @param file the file of {@link TableStore#files()} that keeps the views, one per engine */
    public WarehouseCatalog(TableStore warehouse, String file) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.file = requireNonNull(file, "file is null");
    }

    /**
     * Registers every table of the warehouse's {@code databases} in {@code session}, at the snapshot readers read,
     * then runs again the statements of the kept views, in order. A view that cannot be made (its tables are
     * gone) is left out, with a warning. The caller has first emptied what the session's catalog held of other
     * warehouses.
     */
    public void restore(EngineSession session, Predicate<String> databases) {
        WarehouseReader.published(warehouse, databases).forEach(session::registerTable);
        for (View v : read()) {
            session.createSchema(v.schema());
            try {
                session.execute(v.sql());
            } catch (SqlFailure e) {
                LOG.warn("view {}.{} of the warehouse cannot be made again: {}", v.schema(), v.name(), e.getMessage());
            }
        }
    }

    /**
     * {@code session}, with the views its statements create, replace or drop kept here; {@code views} is its
     * engine's list of them. Table registrations are not statements of the product and are not kept.
     */
    public EngineSession keeping(EngineSession session, Views views) {
        return new ViewKeepingSession(session, this, views);
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

    /** The kept views, in the order they were made. */
    public List<View> read() {
        try {
            Optional<InputStream> in = warehouse.files().open(file);
            if (in.isEmpty()) {
                return List.of();
            }
            try (InputStream s = in.get()) {
                return JSON.readValue(s, VIEWS);
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot read " + warehouse.files().location(file) + ": "
                    + e.getMessage(), e);
        }
    }

    private void write(List<View> views) {
        FileArea files = warehouse.files();
        try (OutputStream out = files.create(file)) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, views);
        } catch (IOException e) {
            throw MongoLatestException.external("cannot write " + files.location(file) + ": " + e.getMessage(), e);
        }
    }
}
