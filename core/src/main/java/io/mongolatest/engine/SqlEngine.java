package io.mongolatest.engine;

/** A SQL engine that runs the product's SQL over a warehouse. Implementations: DuckDB (embedded), Spark. */
public interface SqlEngine {

    /** Short name used on the command line: {@code duckdb}, {@code spark}. */
    String name();

    EngineSession open(EngineSettings settings);
}
