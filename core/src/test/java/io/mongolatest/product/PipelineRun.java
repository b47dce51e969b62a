package io.mongolatest.product;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.SqliteLedger;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOptions;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.RunStorage;
import io.mongolatest.pipeline.exec.RunAllSteps;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.local.LocalInputStore;
import io.mongolatest.tables.LocalTables;

/** Runs the default product's whole pipeline through the run verbs, as {@code mongo-latest run} does, on any engine. */
final class PipelineRun {
    private PipelineRun() {
    }

    static RunResult run(Path root, String correlationId, LocalDate exportDate, RunListener listener) {
        return run(root, EngineUnderTest.DUCKDB, correlationId, exportDate, listener);
    }

    static RunResult run(Path root, EngineUnderTest engine, String correlationId, LocalDate exportDate,
                         RunListener listener) {
        return run(root, engine, correlationId, exportDate, listener, new Cancellation(), ProductFiles.bundled());
    }

    /** Runs with {@code root}'s input, warehouse, ledger and temporary folder, on {@code engine}. */
    static RunResult run(Path root, EngineUnderTest engine, String correlationId, LocalDate exportDate,
                         RunListener listener, Cancellation cancellation, ProductFiles files) {
        MongoLatestProduct product = new MongoLatestProduct();
        ProductPackage pkg = ProductPackage.load(files, new MongoLatestProduct());
        RunParameters params = MongoArguments.params(correlationId, exportDate, SnapshotType.INCREMENTAL,
                root.resolve("input"), root.resolve("warehouse"));
        try (SqliteLedger ledger = SqliteLedger.open(root.resolve("ledger.db"))) {
            ledger.init();
            RunParts parts = new RunParts(ledger, engine.engine(), engine.settings(root.resolve("warehouse"),
                    root.resolve("tmp")), StatusMetrics.none(),
                    new RunStorage(new LocalInputStore(LocalLocation.of(root.resolve("input"))),
                            LocalTables.open(root.resolve("warehouse")), root.resolve("warehouse")),
                    Clock.systemUTC(), LeaseOwner.current());
            return RunAllSteps.run(new RunSpec(pkg, product, params, RunOptions.defaults()), parts, listener,
                    cancellation);
        }
    }
}
