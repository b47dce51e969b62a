package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.exec.RunAllSteps;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.local.LocalInputStore;
import io.mongolatest.tables.LocalTables;

/** The run verbs over a test product: its builtins, and an input that is just a digest the test names. */
final class TestRunner {
    private final RunLedger ledger;
    private final SqlEngine engine;
    private final EngineSettings settings;
    private final StatusMetrics metrics;
    private final Clock clock;
    private final Path dir;

    TestRunner(RunLedger ledger, SqlEngine engine, EngineSettings settings, StatusMetrics metrics, Clock clock,
               Path dir) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.dir = requireNonNull(dir, "dir is null");
    }

    /** Logic whose builtins are {@code builtins} and whose input selection is {@code digest}. */
    static ProductLogic logic(Map<String, BuiltinStep> builtins, String digest) {
        return new ProductLogic() {
            @Override
            public Map<String, BuiltinStep> builtins() {
                return builtins;
            }

            @Override
            public InputSelection selectInput(RunParameters params, InputStore input) {
                return new InputSelection(digest, "test input " + digest, digest.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    RunParts parts() {
        return new RunParts(ledger, engine, settings, metrics, new RunStorage(
                new LocalInputStore(LocalLocation.of(dir.resolve("in"))),
                LocalTables.open(dir.resolve("wh")), dir.resolve("wh")), clock, LeaseOwner.current());
    }

    RunResult run(ProductPackage product, Map<String, BuiltinStep> builtins, RunParameters params, RunOptions options,
                  String digest, RunListener listener, Cancellation cancellation) {
        return RunAllSteps.run(new RunSpec(product, logic(builtins, digest), params, options), parts(), listener,
                cancellation);
    }
}
