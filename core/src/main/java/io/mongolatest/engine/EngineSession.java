package io.mongolatest.engine;

import java.nio.file.Path;

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
    long writeParquet(String selectSql, Path directory);

    /** Makes {@code schema.name} readable as the Parquet files under {@code directory}. */
    void registerParquetTable(String schema, String name, Path directory);

    /** Interrupts the running statement, if any; it then fails with a {@link SqlFailure} marked cancelled. */
    void cancel();

    @Override
    void close();
}
