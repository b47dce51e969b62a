package io.mongolatest.product.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.latest.BuildProgress;
import io.mongolatest.latest.CollectionReport;
import io.mongolatest.latest.InputCounts;
import io.mongolatest.latest.KeptState;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.latest.LatestBuildJob;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.ProductLogic.InputSelection;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.product.DatabaseCommit;
import io.mongolatest.product.input.InputSet;
import io.mongolatest.product.input.InputSetJson;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.SafePaths;
import io.mongolatest.tables.TableStore;

/**
 * {@code build-latest}: builds {@code uc_mongo_latest.<db>_<collection>} for every collection of the
 * selected snapshots (SPEC §7). Every table's new files are written first; only when all are written and the
 * bad lines are within {@code --max-bad-fraction} are the tables committed, one Iceberg commit each, as one
 * publication, and the tables of collections no longer in the input dropped. A failed or cancelled build
 * publishes nothing.
 */
public final class BuildLatest implements BuiltinStep {
    public static final String KIND = "build-latest";
    static final String QUARANTINE = "quarantine";

    /** The engine must have a way to build: said when the run is planned. */
    @Override
    public Optional<String> cannotRunOn(SqlEngine engine) {
        return engine.capabilities().contains(LatestBuild.class) ? Optional.empty()
                : Optional.of("the " + engine.name() + " engine has no way to build the latest tables");
    }

    /** Delta or full rebuild, and why: decided again, the same way, when the build runs. */
    @Override
    public Optional<String> planNote(RunSpec spec, RunParts parts, InputSelection selection) {
        try {
            InputStore store = parts.storage().input();
            InputSet input = InputSetJson.read(selection.record(), store.root());
            return Optional.of(BuildMode.decide(input, parts.storage().tables(), parts.ledger()::read,
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
        TableStore tables = ctx.storage().tables();
        String quarantine = QUARANTINE + "/" + SafePaths.idName(params.correlationId(), "correlation id");
        tables.files().deleteTree(quarantine); // an earlier attempt's bad lines are found again, or not
        Path scratch = ctx.storage().scratch().resolve(LatestBuildJob.SCRATCH);
        PrivateFiles.deleteTree(scratch); // left by a killed build
        ctx.engine().createSchema(CollectionKey.LATEST_DATABASE);

        LatestBuild build = ctx.engine().capability(LatestBuild.class)
                .orElseThrow(() -> new IllegalStateException(ctx.engine() + " can build no latest tables"));
        List<LedgerRow> rows = ctx.ledgerRows().get(); // read once: a scan of the whole ledger on DynamoDB
        BuildMode mode = mode(ctx, input, rows);
        ctx.progress(mode.describe());
        try {
            List<LatestBuild.BuiltCollection> built = build.build(new LatestBuildJob(store, ctx.storage().roots(),
                    input.collections(), mode.kept().orElse(Map.of()), tables.files(), quarantine,
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
            List<CollectionReport> reports = built.stream().map(LatestBuild.BuiltCollection::report).toList();
            InputCounts totals = reports.stream().map(CollectionReport::counts).reduce(InputCounts.ZERO, InputCounts::plus);
            checkBadLines(totals, ctx.options().maxBadFraction(), tables.files().location(quarantine));
            DatabaseCommit latest = DatabaseCommit.publish(ctx, CollectionKey.LATEST_DATABASE,
                    built.stream().map(LatestBuild.BuiltCollection::latest).toList(), Set.of(), Map.of());
            for (String t : latest.dropped()) {
                ctx.listener().warning("dropped " + t + ": its collection is not in the input any more");
            }
            keep(ctx, input, built, latest, rows);
            BuildReport report = new BuildReport(input.snapshots().stream().map(Snapshot::path).toList(),
                    input.warnings(), quarantine, ctx.options().maxBadFraction(),
                    totals.badFraction(), totals, reports, latest.dropped(), mode.delta() ? "delta" : "full",
                    mode.reason());
            return new StepOutcome(totals.rows(), report.toJson());
        } finally {
            // Files written but not committed (a failure, a cancel) are nobody's: removed later, by age.
            PrivateFiles.deleteTree(scratch);
        }
    }

    /** Delta or full, decided as when the run was planned ({@link BuildMode}). */
    static BuildMode mode(StepContext ctx, InputSet input, List<LedgerRow> rows) {
        return BuildMode.decide(input, ctx.storage().tables(),
                key -> rows.stream().filter(r -> r.key().equals(key)).findFirst(),
                BuildMode.productOf(ctx.product(), ctx.storage().input().root()), ctx.options().fullRebuild());
    }

    /**
     * Commits the winners as the kept state, after the latest tables: its manifest, written first, names the
     * latest tables' snapshots it goes with, so that a build killed between the two commits leaves a state that no
     * delta build trusts.
     */
    private static void keep(StepContext ctx, InputSet input, List<LatestBuild.BuiltCollection> built,
                             DatabaseCommit latest, List<LedgerRow> rows) {
        TableStore tables = ctx.storage().tables();
        Map<String, InputCounts> counts = new LinkedHashMap<>();
        for (int i = 0; i < built.size(); i++) {
            counts.put(input.collections().get(i).key().table().table(), built.get(i).report().counts());
        }
        Optional<LatestState.Current> before = LatestState.current(tables);
        RunKey key = new RunKey(ctx.params().correlationId(), ctx.product().pipeline().dataProduct());
        long runId = rows.stream().filter(r -> r.key().equals(key)).findFirst()
                .map(LedgerRow::runId).orElse(0L); // no row: no run can count as completed
        String path = LatestState.newPath();
        LatestState.write(tables.files(), path, new LatestState.Manifest(key.correlationId(), key.dataProduct(), runId,
                BuildMode.productOf(ctx.product(), ctx.storage().input().root()),
                LatestState.text(InputSetJson.write(input)), latest.snapshots(), counts));
        // A failure among the state's commits leaves a publication that is not whole: no delta build reads it.
        DatabaseCommit.publish(ctx, KeptState.DATABASE, built.stream().map(LatestBuild.BuiltCollection::state).toList(),
                Set.of(), Map.of(LatestState.MANIFEST_KEY, path));
        before.ifPresent(b -> LatestState.forget(tables.files(), b.path()));
    }

    private static void checkBadLines(InputCounts totals, double maxBadFraction, Location quarantineDir) {
        if (totals.quarantined() > 0 && totals.badFraction() > maxBadFraction) {
            throw MongoLatestException.user(String.format(Locale.ROOT,
                    "%,d of %,d input lines are bad (%.4f%%), over --max-bad-fraction %s (%.4f%%): %s; see %s",
                    totals.quarantined(), totals.loaded() + totals.quarantined(), 100 * totals.badFraction(),
                    maxBadFraction, 100 * maxBadFraction, totals.quarantinedByReason(), quarantineDir));
        }
    }

    private static String progressLine(CollectionReport r) {
        InputCounts c = r.counts();
        return String.format(Locale.ROOT, "%s: %,d lines, %,d latest, %,d superseded, %,d removed, %,d quarantined",
                r.table(), c.lines(), c.latest(), c.superseded(), c.removed(), c.quarantined());
    }
}
