package io.mongolatest.product.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.ProductLogic.InputSelection;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.product.input.CollectionInput;
import io.mongolatest.product.input.CollectionKey;
import io.mongolatest.product.input.InputSet;
import io.mongolatest.product.input.InputSetJson;
import io.mongolatest.product.input.Snapshot;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.SafePaths;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;

/**
 * {@code build-latest}: builds {@code uc_mongo_latest.<db>_<collection>} for every collection of the
 * selected snapshots (SPEC §7). Every table is written as a new version first; only when all are written
 * and the bad lines are within {@code --max-bad-fraction} are they swapped in, one atomic swap each, and
 * the tables of collections no longer in the input dropped. A failed or cancelled build publishes nothing.
 */
public final class BuildLatest implements BuiltinStep {
    public static final String KIND = "build-latest";
    static final String QUARANTINE = "quarantine";
    /** Temporary files of a build, under the warehouse so that they are on its disk; never a table name. */
    public static final String SCRATCH = ".build-scratch";

    /** The engine must have a way to build: said when the run is planned. */
    @Override
    public Optional<String> cannotRunOn(SqlEngine engine) {
        return LatestBuild.cannotBuildOn(engine);
    }

    /** Delta or full rebuild, and why: decided again, the same way, when the build runs. */
    @Override
    public Optional<String> planNote(RunSpec spec, RunParts parts, InputSelection selection) {
        try {
            InputStore store = parts.storage().input();
            InputSet input = InputSetJson.read(selection.record(), store.root());
            return Optional.of(BuildMode.decide(input, parts.storage().warehouse(), parts.ledger()::read,
                    BuildMode.productOf(spec.product(), store.root()), spec.options().fullRebuild()).describe());
        } catch (RuntimeException e) {
            return Optional.of("delta or full rebuild decided when the build runs: " + e.getMessage());
        }
    }

    @Override
    public StepOutcome run(StepContext ctx) {
        RunParameters params = ctx.params();
        InputStore store = ctx.storage().input();
        // Exactly the files selected and fingerprinted when the attempt began, whatever appeared since.
        InputSet input = InputSetJson.read(ctx.recordedInput().get(), store.root());
        input.warnings().forEach(w -> ctx.listener().warning(w));
        ctx.progress("reading " + input.description());
        Warehouse warehouse = ctx.storage().warehouse();
        String quarantine = QUARANTINE + "/" + SafePaths.idName(params.correlationId(), "correlation id");
        warehouse.files().deleteTree(quarantine); // an earlier attempt's bad lines are found again, or not
        Path scratch = ctx.storage().scratch().resolve(SCRATCH);
        PrivateFiles.deleteTree(scratch); // left by a killed build
        ctx.engine().createSchema(CollectionKey.LATEST_DATABASE);

        LatestBuild build = LatestBuild.of(ctx.engine());
        List<LedgerRow> rows = ctx.ledgerRows().get(); // read once: a scan of the whole ledger on DynamoDB
        BuildMode mode = mode(ctx, input, rows);
        ctx.progress(mode.describe());
        Map<String, TableVersion> written = new LinkedHashMap<>();
        Map<String, TableVersion> states = new LinkedHashMap<>();
        try {
            for (CollectionInput c : input.collections()) {
                TableName table = c.key().table();
                written.put(table.table(), warehouse.newVersion(table));
                states.put(table.table(), warehouse.newVersion(new TableName(LatestState.DATABASE, table.table())));
            }
            List<CollectionReport> reports = build.build(new LatestBuildJob(store, ctx.storage().roots(),
                    input.collections(), written, states, mode.kept().orElse(Map.of()), warehouse.files(), quarantine,
                    scratch, ctx.cancellation(), new BuildProgress() {
                        @Override
                        public void versionsRead(CollectionInput collection) {
                            ctx.progress(collection.key().table().table() + ": versions read, reading the latest lines");
                        }

                        @Override
                        public void done(CollectionReport report) {
                            ctx.progress(progressLine(report));
                        }
                    }));
            InputCounts totals = reports.stream().map(CollectionReport::counts).reduce(InputCounts.ZERO, InputCounts::plus);
            checkBadLines(totals, ctx.options().maxBadFraction(), warehouse.files().location(quarantine));
            List<String> dropped = commit(ctx, warehouse, written);
            keep(ctx, warehouse, input, written, states, reports, rows);
            BuildReport report = new BuildReport(input.snapshots().stream().map(Snapshot::path).toList(),
                    input.warnings(), quarantine, ctx.options().maxBadFraction(),
                    totals.badFraction(), totals, reports, dropped, mode.delta() ? "delta" : "full", mode.reason());
            return new StepOutcome(totals.rows(), report.toJson());
        } finally {
            // Versions written but not published (failure, cancel) are of no use to anyone.
            warehouse.discardPending();
            PrivateFiles.deleteTree(scratch);
        }
    }

    /**
     * Delta or full, decided as when the run was planned ({@link BuildMode}); a delta reads the kept tables where
     * the warehouse has them for this engine (a mirrored warehouse fetches them first).
     */
    static BuildMode mode(StepContext ctx, InputSet input, List<LedgerRow> rows) {
        Warehouse warehouse = ctx.storage().warehouse();
        BuildMode mode = BuildMode.decide(input, warehouse, key -> rows.stream().filter(r -> r.key().equals(key)).findFirst(),
                BuildMode.productOf(ctx.product(), ctx.storage().input().root()), ctx.options().fullRebuild());
        return mode.kept().map(kept -> {
            Map<String, LatestBuildJob.Kept> readable = new LinkedHashMap<>();
            kept.forEach((table, k) -> readable.put(table, new LatestBuildJob.Kept(k.files(), k.counts(),
                    warehouse.tableLocation(new TableName(LatestState.DATABASE, table)),
                    warehouse.tableLocation(new TableName(CollectionKey.LATEST_DATABASE, table)))));
            return new BuildMode(Optional.of(readable), mode.reason());
        }).orElse(mode);
    }

    /**
     * Commits the winners as the kept state, after the latest tables: its manifest names the tables it goes
     * with, so that a build killed between the two commits leaves a state that no delta build trusts.
     */
    private static void keep(StepContext ctx, Warehouse warehouse, InputSet input, Map<String, TableVersion> latest,
                             Map<String, TableVersion> states, List<CollectionReport> reports, List<LedgerRow> rows) {
        Map<String, InputCounts> counts = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            counts.put(input.collections().get(i).key().table().table(), reports.get(i).counts());
        }
        Map<String, TableVersion> before = warehouse.current(LatestState.DATABASE);
        RunKey key = new RunKey(ctx.params().correlationId(),
                ctx.product().pipeline().dataProduct());
        long runId = rows.stream().filter(r -> r.key().equals(key)).findFirst()
                .map(LedgerRow::runId).orElse(0L); // no row: no run can count as completed
        LatestState.write(warehouse.files(), states, new LatestState.Manifest(key.correlationId(),
                key.dataProduct(), runId, BuildMode.productOf(ctx.product(),
                ctx.storage().input().root()), LatestState.text(InputSetJson.write(input)), LatestState.ids(latest), counts));
        try {
            warehouse.commit(LatestState.DATABASE, states);
        } catch (RuntimeException e) {
            // Not committed, so no state names it. Had the commit taken effect after all, a state without its
            // manifest is one no delta build trusts: the next build reads everything.
            LatestState.forget(warehouse.files(), states);
            throw e;
        }
        LatestState.forget(warehouse.files(), before);
    }

    private static void checkBadLines(InputCounts totals, double maxBadFraction, Location quarantineDir) {
        if (totals.quarantined() > 0 && totals.badFraction() > maxBadFraction) {
            throw MongoLatestException.user(String.format(Locale.ROOT,
                    "%,d of %,d input lines are bad (%.4f%%), over --max-bad-fraction %s (%.4f%%): %s; see %s",
                    totals.quarantined(), totals.loaded() + totals.quarantined(), 100 * totals.badFraction(),
                    maxBadFraction, 100 * maxBadFraction, totals.quarantinedByReason(), quarantineDir));
        }
    }

    /**
     * Swaps in every new table at once; tables of collections no longer in the input go with the same
     * swap, so that the product is the input.
     */
    private static List<String> commit(StepContext ctx, Warehouse warehouse, Map<String, TableVersion> written) {
        String db = CollectionKey.LATEST_DATABASE;
        List<String> dropped = new ArrayList<>();
        for (String t : warehouse.current(db).keySet()) {
            if (!written.containsKey(t)) {
                dropped.add(db + "." + t);
            }
        }
        warehouse.commit(db, written);
        for (String t : written.keySet()) {
            ctx.engine().registerParquetTable(db, t, warehouse.tableLocation(new TableName(db, t)));
        }
        for (String t : dropped) {
            ctx.engine().dropRelation(db, t.substring(db.length() + 1));
            ctx.listener().warning("dropped " + t + ": its collection is not in the input any more");
        }
        return dropped;
    }

    private static String progressLine(CollectionReport r) {
        InputCounts c = r.counts();
        return String.format(Locale.ROOT, "%s: %,d lines, %,d latest, %,d superseded, %,d removed, %,d quarantined",
                r.table(), c.lines(), c.latest(), c.superseded(), c.removed(), c.quarantined());
    }
}
