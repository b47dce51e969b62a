package io.mongolatest.product;

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
import io.mongolatest.product.audit.CreateDatabases;
import io.mongolatest.product.build.BuildLatest;
import io.mongolatest.product.input.InputSet;
import io.mongolatest.product.input.InputSetJson;
import io.mongolatest.product.input.SnapshotDiscovery;
import io.mongolatest.product.publish.Publish;
import io.mongolatest.storage.InputStore;

/**
 * The Mongo Latest data product on any engine: its builtin steps ({@code create-databases},
 * {@code build-latest}, {@code publish}, and the housekeeping ones) and its input, the snapshot export.
 *
 * <p>It holds no state, so one instance serves any number of runs.
 */
public final class MongoLatestProduct implements ProductLogic {

    /** Every builtin kind a pipeline.yaml of this product may name. */
    public static Set<String> builtinKinds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(CreateDatabases.KIND, BuildLatest.KIND,
                Publish.KIND, CourtesyFlush.KIND, FlushPushgateway.KIND)));
    }

    @Override
    public Map<String, BuiltinStep> builtins() {
        Map<String, BuiltinStep> all = new HashMap<>(Housekeeping.builtins());
        all.put(CreateDatabases.KIND, new CreateDatabases());
        all.put(BuildLatest.KIND, new BuildLatest());
        all.put(Publish.KIND, new Publish());
        return Map.copyOf(all);
    }

    /** {@code ${export_date}} and {@code ${snapshot_type}}. */
    @Override
    public Set<String> placeholders() {
        return MongoArguments.PLACEHOLDERS;
    }

    /** The audit table is brought up to date with the ledger as every run ends. */
    @Override
    public RunEndHook runEndHook() {
        return CreateDatabases.auditRefresh();
    }

    /**
     * Selects the snapshots a run of {@code params} reads. The digest covers each selected file's path
     * under the input root and its size. A missing input, no snapshot on or before the export date, or a
     * folder name that is not a valid database or collection name is a user error.
     */
    @Override
    public InputSelection selectInput(RunParameters params, InputStore store) {
        MongoArguments args = MongoArguments.of(params);
        InputSet input = SnapshotDiscovery.select(store, args.exportDate(), args.type());
        String description = input.description();
        if (!input.warnings().isEmpty()) {
            description += "; " + String.join("; ", input.warnings());
        }
        return new InputSelection(input.digest(), description, InputSetJson.write(input));
    }
}
