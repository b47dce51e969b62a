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
import io.mongolatest.latest.input.SnapshotType;
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
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.local.LocalInputStore;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableStore;

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
    boolean fullRebuild;
    /**
     * Each {@link #build()} first builds, as an earlier completed run, the input without its newest incremental
     * snapshot, so that the build itself is a delta on that run's kept state (see {@link #deltaBuilds}).
     */
    boolean deltaPath;
    /** On the delta path: earlier states built, and builds that were deltas on them. */
    int statesBuilt;
    int deltaBuilds;
    /** Called with every progress line, e.g. to cancel a step at a known point. */
    java.util.function.Consumer<String> onProgress = m -> { };

    private final Path tmp;
    private final TableStore tables;

    StepHarness(Path root) {
        this(root, EngineUnderTest.DUCKDB);
    }

    StepHarness(Path root, EngineUnderTest engine) {
        this.input = root.resolve("input");
        this.warehouse = root.resolve("warehouse");
        this.tmp = root.resolve("tmp");
        this.tables = LocalTables.open(warehouse);
        this.session = engine.engine().open(engine.settings(warehouse, tmp), tables);
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
                        false, maxBadFraction, fullRebuild, RunOptions.DEFAULT_WAREHOUSE_WAIT), RunStatus.IN_PROGRESS,
                () -> product.selectInput(params(), storage.input()).record());
        return product.builtins().get(kind).run(ctx);
    }

    /** The input and warehouse folders, opened afresh: tests change the input between steps. */
    RunStorage storage() {
        return new RunStorage(new LocalInputStore(LocalLocation.of(input)), warehouse(), warehouse);
    }

    TableStore warehouse() {
        return tables;
    }

    BuildReport build() throws Exception {
        if (!deltaPath) {
            return BuildReport.fromJson(run(BuildLatest.KIND).detail());
        }
        List<LedgerRow> rows = ledgerRows;
        boolean earlier = buildEarlierState();
        try {
            BuildReport report = BuildReport.fromJson(run(BuildLatest.KIND).detail());
            if (earlier && "delta".equals(report.mode())) {
                deltaBuilds++;
            }
            return report;
        } finally {
            ledgerRows = rows;
        }
    }

    /**
     * Builds the input without its newest incremental snapshot as the completed run {@code earlier-<id>};
     * false when there is nothing left to build without it, or that build fails (then there is no state).
     */
    private boolean buildEarlierState() throws java.io.IOException {
        Path incremental = input.resolve("incremental");
        List<Path> snapshots = new ArrayList<>();
        if (java.nio.file.Files.isDirectory(incremental)) {
            try (var s = java.nio.file.Files.list(incremental)) {
                s.filter(p -> !LocalDate.parse(p.getFileName().toString().substring(0, 10)).isAfter(exportDate))
                        .sorted().forEach(snapshots::add);
            }
        }
        if (snapshots.isEmpty() || (snapshots.size() == 1 && !java.nio.file.Files.isDirectory(input.resolve("full")))) {
            return false;
        }
        Path newest = snapshots.get(snapshots.size() - 1);
        Path aside = tmp.resolve("newest-snapshot");
        java.nio.file.Files.createDirectories(tmp);
        java.nio.file.Files.move(newest, aside);
        String id = correlationId;
        String earlier = "earlier-" + id;
        List<LedgerRow> rows = ledgerRows;
        boolean built = false;
        try {
            correlationId = earlier;
            ledgerRows = List.of(row(earlier, RunStatus.IN_PROGRESS));
            run(BuildLatest.KIND);
            built = true;
        } catch (Exception e) {
            // e.g. too many bad lines: no state is kept, and the build reads everything
        } finally {
            java.nio.file.Files.move(aside, newest);
            correlationId = id;
        }
        List<LedgerRow> withEarlier = new ArrayList<>(rows);
        withEarlier.add(row(earlier, RunStatus.COMPLETED));
        ledgerRows = withEarlier;
        if (built) {
            statesBuilt++;
        }
        return built;
    }

    static LedgerRow row(String correlationId, RunStatus status) {
        return new LedgerRow(new io.mongolatest.ledger.RunKey(correlationId, "MONGO_LATEST"), null, 1, status, null,
                null, null, null, null, LedgerRow.timeToExistFor(java.time.Instant.now()), null, null, null, List.of(),
                List.of(), null, 1);
    }

    /** A read-only query of DuckDB over the warehouse's published tables, read from their Parquet files now. */
    QueryResult query(String sql) {
        try (EngineSession reader = WarehouseReader.open(new DuckDbEngine(), new EngineSettings(warehouse,
                DataSize.ofMebibytes(256), tmp, 1, true), warehouse())) {
            return reader.query(sql);
        }
    }

    /** The rows of {@code uc_mongo_latest.<table>} as the reference gives them, by id. */
    List<ReferenceLatest.Row> latestRows(String table) {
        return query("SELECT id, epoch_us(last_modified), epoch_us(created), snapshot_type, snapshot_id, val"
                + " FROM uc_mongo_latest." + table).rows().stream()
                .map(r -> new ReferenceLatest.Row((String) r.get(0), ((Number) r.get(1)).longValue(),
                        r.get(2) == null ? null : ((Number) r.get(2)).longValue(), (String) r.get(3),
                        (String) r.get(4), (String) r.get(5)))
                .sorted(java.util.Comparator.comparing(ReferenceLatest.Row::id)).toList();
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
