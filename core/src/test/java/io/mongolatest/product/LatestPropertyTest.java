package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.product.build.BuildReport;

/** Thousands of random records through the engine's build, against {@link ReferenceLatest}. */
class LatestPropertyTest {
    /** The engine the build runs on; DuckDB unless a subclass says otherwise. */
    protected EngineUnderTest engine() {
        return EngineUnderTest.DUCKDB;
    }

    /** Whether the build is a delta on an earlier build of all but the newest snapshot ({@link StepHarness#deltaPath}). */
    protected boolean deltaPath() {
        return false;
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theBuildAgreesWithTheReference(long seed) throws Exception {
        RandomExport export = new RandomExport(seed);
        export.write("core/contract", 700);
        try (StepHarness h = new StepHarness(dir, engine())) {
            InputFixture in = new InputFixture(h.input);
            for (var f : export.files.entrySet()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (byte[] line : f.getValue()) {
                    b.write(line);
                    b.write('\n');
                }
                in.bytes(f.getKey(), b.toByteArray());
            }
            h.maxBadFraction = 1;
            h.deltaPath = deltaPath();
            BuildReport report = h.build();
            assertThat(h.deltaBuilds).isEqualTo(h.statesBuilt).isEqualTo(deltaPath() ? 1 : 0);
            ReferenceLatest.Result expected = ReferenceLatest.latest(export.lines());
            List<ReferenceLatest.Row> actual = h.latestRows("core_contract");
            assertThat(actual).hasSameSizeAs(expected.rows());
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i)).as("row %d", i).isEqualTo(expected.rows().get(i));
            }
            assertThat(report.totals()).isEqualTo(expected.counts());
            assertThat(expected.counts().lines()).isGreaterThan(1500);
            assertThat(expected.counts().removed()).isPositive();
            assertThat(expected.counts().quarantined()).isPositive();
        }
    }
}
