package io.mongolatest.engine;

import java.util.List;
import java.util.Optional;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;

/**
 * An open connection of an engine to a warehouse: what every engine does for the product (its SQL, its
 * tables as Parquet). Statements run one at a time; {@link #cancel()} may be called from any thread to
 * interrupt the one running. What only some engines can do is a capability ({@link #capability}), which
 * the engine lists ({@link SqlEngine#capabilities()}) so that a run is refused when it is planned.
 *
 * <p>SQL errors surface as {@link SqlFailure} with the engine's message on one line.
 */
public interface EngineSession extends AutoCloseable {

    /** Runs one statement. */
    void execute(String sql);

    QueryResult query(String sql);

    /** Creates the schema (database) if it does not exist. */
    void createSchema(String schema);

    /**
     * Writes the result of {@code selectSql} as Parquet files into {@code directory}, which must exist
     * and be empty; returns the number of rows written. Always writes at least one file, so that an empty
     * table still has a schema.
     */
    long writeParquet(String selectSql, Location directory);

    /** Makes {@code schema.name} readable as the Parquet files under {@code directory}. */
    void registerParquetTable(String schema, String name, Location directory);

    /** The tables and views of {@code schema}, in name order; empty when the schema does not exist. */
    List<String> relations(String schema);

    /** Drops the table or view {@code schema.name} if it exists. */
    void dropRelation(String schema, String name);

    /** {@code value} as a string literal of this engine's SQL (quoting rules differ between engines). */
    String literal(String value);

    /**
     * From now on the session reads only the files of {@code readable} (table folders) besides its own, writes
     * none elsewhere, loads no extension and changes no setting, for good: how the product's SQL runs. A statement
     * that tries fails with a {@link SqlFailure} saying what it tried.
     */
    void confine(List<Location> readable);

    /** Interrupts the running statement, if any; it then fails with a {@link SqlFailure} marked cancelled. */
    void cancel();

    @Override
    void close();

    /** This session as {@code type} (e.g. {@link RowSources}) if it offers that capability. */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** {@link #writeParquet(String, Location)} into a local folder. */
    default long writeParquet(String selectSql, java.nio.file.Path directory) {
        return writeParquet(selectSql, LocalLocation.of(directory));
    }

    /** {@link #registerParquetTable(String, String, Location)} of a local folder. */
    default void registerParquetTable(String schema, String name, java.nio.file.Path directory) {
        registerParquetTable(schema, name, LocalLocation.of(directory));
    }
}
