package io.mongolatest.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.metrics.PushgatewayMetrics;
import io.mongolatest.metrics.PushgatewaySettings;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.ProductFiles;
import io.mongolatest.pipeline.ProductLogic;
import io.mongolatest.pipeline.ProductPackage;
import io.mongolatest.pipeline.RunOptions;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.Runner;
import io.mongolatest.pipeline.SnapshotType;
import io.mongolatest.product.MongoLatestProduct;
import io.mongolatest.storage.FolderChecks;

/** Turns the options of {@code run} and {@code plan} into the parts of a run; closes what it opened. */
final class RunWiring implements AutoCloseable {
    final Clock clock;
    final Path stateDir;
    final RunParameters params;
    final ProductPackage product;
    final ProductLogic logic;
    final RunOptions options;
    final EngineSettings engineSettings;
    final SqlEngine engine;
    final RunLedger ledger;
    final StatusMetrics metrics;

    private RunWiring(CommonOptions common, LedgerOptions ledgerOptions, RunSpecOptions spec, Clock clock,
                      boolean writes) {
        this.clock = clock;
        this.stateDir = common.stateDir();
        if (spec.input == null) {
            throw MongoLatestException.user("--input DIR is required: the root of the snapshot export");
        }
        this.params = new RunParameters(RunParameters.checkCorrelationId(spec.correlationId),
                RunParameters.parseExportDate(spec.exportDate, LocalDate.now(clock.withZone(ZoneOffset.UTC))),
                SnapshotType.parse(spec.snapshotType), spec.input,
                spec.warehouse != null ? spec.warehouse : stateDir.resolve("warehouse"));
        ledgerOptions.location();
        this.logic = new MongoLatestProduct(clock);
        Map<String, BuiltinStep> builtins = logic.builtins();
        this.product = ProductPackage.load(spec.product == null ? ProductFiles.bundled()
                : ProductFiles.fromDirectory(spec.product), builtins.keySet());
        this.options = new RunOptions(spec.leaseTtl, spec.pushgatewayGrace,
                spec.pushgatewayWipe == RunSpecOptions.WipeMode.global, spec.maxBadFraction);
        this.engine = engine(spec.engine);
        this.engineSettings = new EngineSettings(params.warehouse(),
                spec.memory == null ? EngineSettings.DEFAULT_MEMORY_LIMIT : DataSize.parse(spec.memory),
                stateDir.resolve("spill"), spec.threads, false);
        engine.checkWarehouse(params.warehouse());
        // The run writes into the warehouse and the state folder, never into the export.
        FolderChecks.checkNotInside("--warehouse", params.warehouse(), "--input", params.input());
        FolderChecks.checkNotInside("--input", params.input(), "--warehouse", params.warehouse());
        FolderChecks.checkNotInside("--state-dir", stateDir, "--input", params.input());
        if (writes) {
            FolderChecks.checkWritable(params.warehouse(), "--warehouse");
        }
        this.metrics = spec.pushgateway == null || spec.pushgateway.isBlank() ? StatusMetrics.none()
                : new PushgatewayMetrics(PushgatewaySettings.from(spec.pushgateway, spec.pushgatewayAuthFile,
                System.getenv()));
        this.ledger = writes ? ledgerOptions.open(stateDir) : ledgerOptions.openExisting(stateDir);
    }

    /** The parts of a run that will write: the warehouse must be writable, the ledger is created if missing. */
    static RunWiring forRun(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, Clock clock) {
        return new RunWiring(common, ledger, spec, clock, true);
    }

    /** The parts of a run, to look at only ({@code plan}): nothing is created. */
    static RunWiring forPlan(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, Clock clock) {
        return new RunWiring(common, ledger, spec, clock, false);
    }

    Runner runner() {
        return new Runner(ledger, engine, engineSettings, logic.builtins(), metrics, clock, LeaseOwner.current(),
                logic.runEndHook());
    }

    private static SqlEngine engine(String name) {
        if ("duckdb".equals(name)) {
            return new DuckDbEngine();
        }
        throw MongoLatestException.user("unknown engine '" + name + "': this build has duckdb");
    }

    @Override
    public void close() {
        try {
            metrics.close();
        } finally {
            ledger.close();
        }
    }
}
