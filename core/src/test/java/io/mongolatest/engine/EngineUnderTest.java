package io.mongolatest.engine;

import java.nio.file.Path;

import io.mongolatest.DataSize;

/**
 * The engine a test of the product runs on, so that the same test runs on every engine: DuckDB here, Spark
 * in the Spark module's tests (which extend the product's tests and give their own).
 */
@FunctionalInterface
public interface EngineUnderTest {
    EngineUnderTest DUCKDB = DuckDbEngine::new;

    SqlEngine engine();

    /** Settings for a session on {@code warehouse}, spilling to {@code tmp}: small, as tests need. */
    default EngineSettings settings(Path warehouse, Path tmp) {
        return new EngineSettings(warehouse, DataSize.ofMebibytes(512), tmp, 2, false);
    }
}
