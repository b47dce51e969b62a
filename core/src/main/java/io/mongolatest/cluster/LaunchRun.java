package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.ClusterRunner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.exec.BeginRun;
import io.mongolatest.pipeline.exec.OpenRun;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.pipeline.plan.Plan;
import io.mongolatest.product.MongoArguments;
import io.mongolatest.sizing.InstanceCatalog;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.s3.S3Objects;

/**
 * {@code launch}: takes the run in the ledger first (one conditional write: a live run or cluster of the same
 * correlation id refuses, and no cluster is started), then asks EMR for the cluster, and names it the run's
 * holder. A refusal by EMR gives the run back as it was.
 */
public final class LaunchRun {
    private LaunchRun() {
    }

    /**
     * What the cluster is to be beyond the run itself.
     *
     * @param jar          S3 location of the mongo-latest cluster jar the bootstrap installs
     * @param productRoot  S3 folder below which the package the launch plans with is put, in a folder of its
     *                     digest (see {@link ProductUpload}), for the bootstrap to install
     * @param productFiles that package: the files the run's product was loaded from
     * @param ledger       the ledger the cluster's steps write, e.g. {@code dynamodb:data_pipeline_metadata}
     * @param runOptions   further options every step gets
     * @param clusterLease how long the cluster holds the run before its first step renews it (its start-up)
     */
    public record Launch(ClusterProfile profile, URI jar, URI productRoot, ProductFiles productFiles, String ledger,
                         Optional<URI> pushgateway, List<String> runOptions, Duration clusterLease) {
        public Launch {
            requireNonNull(profile, "profile is null");
            requireNonNull(jar, "jar is null");
            requireNonNull(productRoot, "productRoot is null");
            requireNonNull(productFiles, "productFiles is null");
            requireNonNull(ledger, "ledger is null");
            requireNonNull(pushgateway, "pushgateway is null");
            runOptions = List.copyOf(runOptions);
            requireNonNull(clusterLease, "clusterLease is null");
        }
    }

    /**
     * How a launch ended.
     *
     * @param clusterId the cluster started, or null when none was
     * @param message   why none was (another holder), or null
     */
    public record Launched(Plan plan, RunOutcome outcome, String clusterId, String clusterArn, LedgerRow row,
                           String message) {
    }

    /** The RunJobFlow request a launch of {@code spec} sends, checked, without sending it ({@code --dry-run}). */
    public static JobFlowPlan request(RunSpec spec, Launch launch, InstanceCatalog catalog) {
        checkReachable(spec, launch);
        MongoArguments args = MongoArguments.of(spec.params());
        LaunchParameters p = new LaunchParameters(spec.params().correlationId(), args.exportDate(), args.type(),
                URI.create(spec.params().input().toString()), URI.create(spec.params().warehouse().toString()),
                launch.ledger(), launch.pushgateway(), launch.jar(),
                ProductUpload.location(launch.productRoot(), launch.productFiles()),
                spec.product().pipeline().steps().stream().map(StepDefinition::name).toList(), launch.runOptions());
        return new RunJobFlowBuilder(catalog).build(launch.profile(), p);
    }

    /** The cluster runs elsewhere: what it reads and writes must not be on this machine. */
    private static void checkReachable(RunSpec spec, Launch launch) {
        if (spec.params().input() instanceof LocalLocation) {
            throw MongoLatestException.user("--input " + spec.params().input() + " is a folder of this machine,"
                    + " which the cluster cannot read: give an s3:// location");
        }
        if (spec.params().warehouse() instanceof LocalLocation) {
            throw MongoLatestException.user("--warehouse " + spec.params().warehouse() + " is a folder of this"
                    + " machine, which the cluster cannot write: give an s3:// location");
        }
        if (!launch.ledger().startsWith("dynamodb:")) {
            throw MongoLatestException.user("--ledger " + launch.ledger() + " is not one the cluster and this"
                    + " machine share: give --ledger dynamodb:TABLE");
        }
    }

    /**
     * @param artefacts where the product package is put (the launcher's S3 access)
     */
    public static Launched launch(RunSpec spec, RunParts parts, Launch launch, EmrClusters emr, S3Objects artefacts,
                                  InstanceCatalog catalog, RunListener listener) {
        JobFlowPlan request = request(spec, launch, catalog);
        if (!request.placeholders().isEmpty()) {
            throw MongoLatestException.user("profile " + launch.profile().name() + " still holds placeholders for"
                    + " account values: " + String.join(", ", request.placeholders()) + "; fill them in a copy and give"
                    + " it with --profile FILE");
        }
        // Before the run is taken: a package that cannot be put there leaves the ledger as it was.
        ProductUpload.upload(artefacts, launch.productRoot(), launch.productFiles());
        BeginRun.Begun begun = BeginRun.begin(spec, parts, listener, new Cancellation());
        if (begun instanceof BeginRun.Held held) {
            return new Launched(begun.plan(), RunOutcome.HELD, null, null, held.result().row(), held.result().message());
        }
        try (OpenRun run = ((BeginRun.Started) begun).run()) {
            ClusterRef cluster;
            try {
                cluster = emr.runJobFlow(request.request());
            } catch (MongoLatestException e) {
                run.giveBack(begun.plan().previous());
                throw new MongoLatestException(e.kind() == ErrorKind.INTERNAL ? ErrorKind.EXTERNAL : e.kind(),
                        "no cluster was started: " + e.getMessage() + "; the run is as it was before", e);
            }
            LedgerRow row = run.assignTo(new ClusterRunner(cluster.id()),
                    parts.clock().instant().plus(launch.clusterLease()));
            return new Launched(begun.plan(), RunOutcome.COMPLETED, cluster.id(), cluster.arn(), row, null);
        }
    }
}
