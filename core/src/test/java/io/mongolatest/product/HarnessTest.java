package io.mongolatest.product;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.EngineUnderTest;

/**
 * A test with a {@link StepHarness} on a fresh warehouse and an input folder to write files into, on DuckDB
 * or on the engine a subclass gives ({@link #engine()}).
 */
abstract class HarnessTest {
    @TempDir
    Path dir;
    StepHarness h;
    InputFixture in;

    @BeforeEach
    void openHarness() {
        h = new StepHarness(dir, engine());
        in = new InputFixture(h.input);
    }

    /** The engine the steps run on. */
    protected EngineUnderTest engine() {
        return EngineUnderTest.DUCKDB;
    }

    @AfterEach
    void closeHarness() {
        h.close();
    }
}
