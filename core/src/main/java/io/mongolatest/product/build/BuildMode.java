package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.mongolatest.ToolVersion;
import io.mongolatest.latest.KeptState;
import io.mongolatest.latest.LatestBuildJob;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.pipeline.plan.Fingerprint;
import io.mongolatest.product.input.InputSet;
import io.mongolatest.product.input.InputSetJson;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.Publications;
import io.mongolatest.tables.TableAt;
import io.mongolatest.tables.TableStore;

/**
 * Whether a build reads only the new snapshots (delta) or every selected one, and why. Delta when the
 * selected snapshots are those of the kept state ({@link LatestState}) plus newer incrementals, every file
 * it read unchanged (path, size, identity), its run COMPLETED, the product the same, and the latest tables
 * still the ones it was built with; anything else, {@code --full-rebuild}, or an engine that keeps no state
 * rebuilds from scratch. Decided the same way when the run is planned and when the build runs.
 *
 * @param kept   for a delta build, what the earlier build kept of each collection it read, by table name
 * @param reason one line for the plan and the report
 */
public record BuildMode(Optional<Map<String, LatestBuildJob.Kept>> kept, String reason) {
    public BuildMode {
        requireNonNull(kept, "kept is null");
        requireNonNull(reason, "reason is null");
    }

    public boolean delta() {
        return kept.isPresent();
    }

    /** "delta: …" or "full rebuild: …". */
    public String describe() {
        return (delta() ? "delta: " : "full rebuild: ") + reason;
    }

    /** What a kept state must have been built by: the same data product and version, build code and input root. */
    public static String productOf(ProductPackage product, Location inputRoot) {
        return Fingerprint.hash(product.pipeline().dataProduct() + "\n" + product.pipeline().version() + "\n"
                + BuildLatest.KIND + "@" + ToolVersion.current() + "\n" + inputRoot);
    }

    /**
     * @param ledger the ledger row of a run key, if any
     */
    public static BuildMode decide(InputSet input, TableStore tables, Function<RunKey, Optional<LedgerRow>> ledger,
                                   String product, boolean fullRebuild) {
        if (fullRebuild) {
            return full("--full-rebuild");
        }
        Optional<LatestState.Current> found = LatestState.current(tables);
        if (found.isEmpty()) {
            return full("no state kept by an earlier build");
        }
        LatestState.Manifest m = found.get().manifest();
        String run = m.correlationId() + " (Run_Id " + m.runId() + ")";
        if (!completed(ledger.apply(new RunKey(m.correlationId(), m.dataProduct())), m.runId())) {
            return full("run " + run + ", which kept the state, did not complete");
        }
        if (!m.product().equals(product)) {
            return full("the product changed since run " + run);
        }
        Map<String, Long> latest = Publications.readable(tables, CollectionKey.LATEST_DATABASE);
        if (!latest.equals(m.latest())) {
            return full("the latest tables were replaced since run " + run);
        }
        InputSet before;
        try {
            before = InputSetJson.read(m.input().getBytes(StandardCharsets.UTF_8), input.root());
        } catch (RuntimeException e) {
            return full("the kept state's input is unreadable");
        }
        Optional<String> why = notAnExtension(before, input);
        if (why.isPresent()) {
            return full(why.get() + " since run " + run);
        }
        Map<String, Long> state = found.get().tables();
        Map<String, LatestBuildJob.Kept> kept = new LinkedHashMap<>();
        for (CollectionInput c : before.collections()) {
            String table = c.key().table().table();
            if (!state.containsKey(table) || !latest.containsKey(table) || !m.counts().containsKey(table)) {
                return full("the kept state lacks " + table);
            }
            kept.put(table, new LatestBuildJob.Kept(c.files().size(), m.counts().get(table),
                    new TableAt(new TableName(KeptState.DATABASE, table), state.get(table)),
                    new TableAt(c.key().table(), latest.get(table))));
        }
        int newSnapshots = input.snapshots().size() - before.snapshots().size();
        return new BuildMode(Optional.of(kept), "adds " + newSnapshots + " new incremental snapshot"
                + (newSnapshots == 1 ? "" : "s") + " to the state run " + run + " kept");
    }

    /** Why {@code now} is not {@code before} plus newer incremental snapshots, if it is not. */
    static Optional<String> notAnExtension(InputSet before, InputSet now) {
        List<Snapshot> was = before.snapshots();
        List<Snapshot> is = now.snapshots();
        if (is.size() < was.size() || !is.subList(0, was.size()).equals(was)) {
            Optional<Snapshot> full = is.stream().filter(s -> !was.contains(s)).findFirst();
            return Optional.of(full.map(s -> "snapshot " + s.path() + " is not after those built")
                    .orElse("snapshots built before are not selected any more"));
        }
        List<Snapshot> added = is.subList(was.size(), is.size());
        Map<CollectionKey, CollectionInput> nowByKey = new HashMap<>();
        now.collections().forEach(c -> nowByKey.put(c.key(), c));
        for (CollectionInput b : before.collections()) {
            CollectionInput n = nowByKey.remove(b.key());
            if (n == null || n.files().size() < b.files().size()) {
                return Optional.of("files of " + b.key() + " are missing");
            }
            for (int i = 0; i < b.files().size(); i++) {
                InputFile x = b.files().get(i);
                InputFile y = n.files().get(i);
                if (!x.equals(y)) {
                    boolean known = b.files().stream().anyMatch(f -> f.relativePath().equals(y.relativePath()));
                    return Optional.of(known || added.contains(y.snapshot())
                            ? "input file " + x.relativePath() + " changed or is missing"
                            : "input file " + y.relativePath() + " appeared in a snapshot built before");
                }
            }
            Optional<String> old = newFileOfOldSnapshot(n.files().subList(b.files().size(), n.files().size()), added);
            if (old.isPresent()) {
                return old;
            }
        }
        for (CollectionInput n : nowByKey.values()) {
            Optional<String> old = newFileOfOldSnapshot(n.files(), added);
            if (old.isPresent()) {
                return old;
            }
        }
        return added.isEmpty() ? Optional.of("no new snapshot") : Optional.empty();
    }

    private static Optional<String> newFileOfOldSnapshot(List<InputFile> files, List<Snapshot> added) {
        return files.stream().filter(f -> !added.contains(f.snapshot())).findFirst()
                .map(f -> "input file " + f.relativePath() + " appeared in a snapshot built before");
    }

    private static boolean completed(Optional<LedgerRow> row, long runId) {
        if (row.isEmpty()) {
            return false;
        }
        LedgerRow r = row.get();
        if (r.runId() == runId) {
            return r.status() == RunStatus.COMPLETED;
        }
        return r.attempts().stream().anyMatch(a -> a.runId() == runId && a.status() == RunStatus.COMPLETED);
    }

    private static BuildMode full(String reason) {
        return new BuildMode(Optional.empty(), reason);
    }
}
