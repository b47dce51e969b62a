package io.mongolatest.product;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with a {@link StepHarness} on a fresh warehouse and an input folder to write files into. */
abstract class HarnessTest {
    @TempDir
    Path dir;
    StepHarness h;
    InputFixture in;

    @BeforeEach
    void openHarness() {
        h = new StepHarness(dir);
        in = new InputFixture(h.input);
    }

    @AfterEach
    void closeHarness() {
        h.close();
    }
}
