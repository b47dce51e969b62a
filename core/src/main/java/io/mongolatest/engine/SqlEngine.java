package io.mongolatest.engine;

/**
 * A SQL engine that runs the product's SQL over a warehouse: a plugin found by name ({@link Engines}), with a
 * public no-argument constructor. Implementations: DuckDB (embedded), Spark (its own module).
 */
public interface SqlEngine {

    /** Short name used on the command line: {@code duckdb}, {@code spark}. */
    String name();

    /**
     * Whether the engine reads and writes locations of {@code scheme} itself ({@code file}, {@code s3}). A
     * warehouse of a scheme it does not reach is staged for it in local folders
     * ({@link io.mongolatest.storage.MirroredWarehouse}); its input is always streamed to it by the core.
     */
    default boolean reaches(String scheme) {
        return io.mongolatest.storage.LocalLocation.SCHEME.equals(scheme);
    }

    EngineSession open(EngineSettings settings);

    /** Refuses, as a user error, a warehouse location this engine cannot work in: said when a run is planned. */
    default void checkWarehouse(io.mongolatest.storage.Location warehouse) {
    }

    /**
     * A session that reads {@code tables} and changes nothing, usable while a run holds the warehouse's
     * catalog (the {@code query} command). Statements other than queries fail with a user error.
     */
    default EngineSession openReader(EngineSettings settings, java.util.List<ParquetTable> tables) {
        throw new UnsupportedOperationException(name() + " cannot open a read-only session");
    }
}
