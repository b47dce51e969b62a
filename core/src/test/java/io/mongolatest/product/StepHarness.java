package io.mongolatest.product;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mongolatest.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.engine.WarehouseReader;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.metrics.RunLabels;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOptions;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.RunStorage;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.pipeline.model.OnFailure;
import io.mongolatest.pipeline.model.PipelineDefinition;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.product.build.BuildLatest;
import io.mongolatest.product.build.BuildReport;
import io.mongolatest.product.input.SnapshotType;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.local.LocalInputStore;
import io.mongolatest.storage.local.LocalWarehouse;

/**
 * Runs the product's builtin steps on a real engine and warehouse, as the runner would: DuckDB, or the engine a
 * test gives. What the steps wrote is read back as any Parquet reader reads it ({@link #query}), whatever engine
 * wrote it.
 */
final class StepHarness implements AutoCloseable {
    final Path input;
    final Path warehouse;
    final List<String> warnings = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    final Cancellation cancellation = new Cancellation();
    private final EngineSession session;
    private final MongoLatestProduct product = new MongoLatestProduct();
    String correlationId = "test-run";
    LocalDate exportDate = LocalDate.of(2024, 3, 4);
    SnapshotType snapshotType = SnapshotType.INCREMENTAL;
    double maxBadFraction = RunOptions.DEFAULT_MAX_BAD_FRACTION;
    String classification = "table,column,pii\n";
    List<LedgerRow> ledgerRows = List.of();
    /** Called with every progress line, e.g. to cancel a step at a known point. */
    java.util.function.Consumer<String> onProgress = m -> { };

    private final Path tmp;

    StepHarness(Path root) {
        this(root, EngineUnderTest.DUCKDB);
    }

    StepHarness(Path root, EngineUnderTest engine) {
        this.input = root.resolve("input");
        this.warehouse = root.resolve("warehouse");
        this.tmp = root.resolve("tmp");
        this.session = engine.engine().open(engine.settings(warehouse, tmp));
    }

    RunParameters params() {
        return MongoArguments.params(correlationId, exportDate, snapshotType, input, warehouse);
    }

    StepOutcome run(String kind) throws Exception {
        StepDefinition step = new StepDefinition("step-" + kind, kind, OnFailure.TERMINATE, false);
        ProductPackage pkg = new ProductPackage("test-product",
                new PipelineDefinition("MONGO_LATEST", "1", List.of(step)), Map.of(), classification);
        RunListener listener = new RunListener() {
            @Override
            public void progress(String s, String message) {
                progress.add(message);
                onProgress.accept(message);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        RunStorage storage = storage();
        StepContext ctx = new StepContext(step, params(), pkg, () -> session, storage, StatusMetrics.none(),
                new RunLabels(correlationId, snapshotType.label(), exportDate.toString(), "local-test"), cancellation,
                () -> ledgerRows, listener, new RunOptions(RunOptions.DEFAULT_LEASE_TTL, java.time.Duration.ZERO,
                        false, maxBadFraction), RunStatus.IN_PROGRESS,
                () -> product.selectInput(params(), storage.input()).record());
        return product.builtins().get(kind).run(ctx);
    }

    /** The input and warehouse folders, opened afresh: tests change the input between steps. */
    RunStorage storage() {
        return new RunStorage(new LocalInputStore(LocalLocation.of(input)), warehouse(), warehouse);
    }

    LocalWarehouse warehouse() {
        return new LocalWarehouse(warehouse, Clock.systemUTC());
    }

    BuildReport build() throws Exception {
        return BuildReport.fromJson(run(BuildLatest.KIND).detail());
    }

    /** A read-only query of DuckDB over the warehouse's published tables, read from their Parquet files now. */
    QueryResult query(String sql) {
        try (EngineSession reader = WarehouseReader.open(new DuckDbEngine(), new EngineSettings(warehouse,
                DataSize.ofMebibytes(256), tmp, 1, true), warehouse())) {
            return reader.query(sql);
        }
    }

    /** The session of the engine under test: its catalog, its SQL. */
    EngineSession session() {
        return session;
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public void close() {
        session.close();
    }
}
