package io.mongolatest.product;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.ProductLogic;
import io.mongolatest.pipeline.RunEndHook;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.housekeeping.CourtesyFlush;
import io.mongolatest.pipeline.housekeeping.FlushPushgateway;
import io.mongolatest.pipeline.housekeeping.Housekeeping;

/**
 * The Mongo Latest data product on any engine: its builtin steps ({@code create-databases},
 * {@code build-latest}, {@code publish}, and the housekeeping ones) and its input, the snapshot export.
 *
 * <p>Construct it with the clock that names new table versions; it holds no other state, so one instance
 * serves any number of runs.
 */
public final class MongoLatestProduct implements ProductLogic {
    private final Clock clock;

    public MongoLatestProduct(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Every builtin kind a pipeline.yaml of this product may name. */
    public static Set<String> builtinKinds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(CreateDatabases.KIND, BuildLatest.KIND,
                Publish.KIND, CourtesyFlush.KIND, FlushPushgateway.KIND)));
    }

    @Override
    public Map<String, BuiltinStep> builtins() {
        Map<String, BuiltinStep> all = new HashMap<>(Housekeeping.builtins());
        all.put(CreateDatabases.KIND, new CreateDatabases(clock));
        all.put(BuildLatest.KIND, new BuildLatest(clock));
        all.put(Publish.KIND, new Publish(clock));
        return Map.copyOf(all);
    }

    /** The audit table is brought up to date with the ledger as every run ends. */
    @Override
    public RunEndHook runEndHook() {
        return CreateDatabases.auditRefresh(clock);
    }

    /**
     * Selects the snapshots a run of {@code params} reads. The digest covers each selected file's path
     * under the input root and its size. A missing input, no snapshot on or before the export date, or a
     * folder name that is not a valid database or collection name is a user error.
     */
    @Override
    public InputSelection selectInput(RunParameters params) {
        InputSet input = SnapshotDiscovery.select(params.input(), params.exportDate(), params.snapshotType());
        String description = input.description();
        if (!input.warnings().isEmpty()) {
            description += "; " + String.join("; ", input.warnings());
        }
        return new InputSelection(input.digest(), description);
    }
}
