package io.mongolatest.engine;

import java.util.List;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;

/**
 * An open connection of an engine to a warehouse. Statements run one at a time; {@link #cancel()} may
 * be called from any thread to interrupt the one running.
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

    /** {@link #writeParquet(String, Location)} into a local folder. */
    default long writeParquet(String selectSql, java.nio.file.Path directory) {
        return writeParquet(selectSql, LocalLocation.of(directory));
    }

    /** {@link #registerParquetTable(String, String, Location)} of a local folder. */
    default void registerParquetTable(String schema, String name, java.nio.file.Path directory) {
        registerParquetTable(schema, name, LocalLocation.of(directory));
    }

    /**
     * Makes the rows of {@code source} readable by SQL as the temporary table {@code name} of this
     * session, until {@link #dropSource}. The engine may read its splits in parallel. An exception the
     * source throws fails the statement reading it and surfaces unchanged.
     */
    default void registerSource(String name, RowSource source) {
        throw unsupported("Java row sources");
    }

    default void dropSource(String name) {
        throw unsupported("Java row sources");
    }

    /** Computes {@code selectSql} once and keeps the result as the temporary table {@code name}. */
    default void createTempTable(String name, String selectSql) {
        throw unsupported("temporary tables");
    }

    default void dropTempTable(String name) {
        throw unsupported("temporary tables");
    }

    /** The first column of the result as longs, without a boxed value per row; nulls are not allowed. */
    default long[] queryLongs(String sql) {
        return query(sql).rows().stream().mapToLong(r -> ((Number) r.get(0)).longValue()).toArray();
    }

    /** The tables and views of {@code schema}, in name order; empty when the schema does not exist. */
    default List<String> relations(String schema) {
        throw unsupported("listing tables");
    }

    /** Drops the table or view {@code schema.name} if it exists. */
    default void dropRelation(String schema, String name) {
        throw unsupported("dropping tables");
    }

    /** Interrupts the running statement, if any; it then fails with a {@link SqlFailure} marked cancelled. */
    void cancel();

    @Override
    void close();

    // What the product needs beyond plain SQL has defaults, so that test sessions need not implement it.
    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not support " + what);
    }
}
