package io.mongolatest.cluster;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.sizing.InstanceCatalog;

/** Fixed launch parameters and the shipped profiles, shared by the cluster tests. */
final class ClusterFixtures {
    static final InstanceCatalog CATALOG = InstanceCatalog.bundled();
    /** The default product's pipeline, in order. */
    static final List<String> STEPS = List.of("courtesy-flush", "create-mongo-latest-dbs", "mongo-latest-build",
            "mongo-latest-views", "mongo-latest-publish", "flush-pushgateway");

    private ClusterFixtures() {
    }

    static ClusterProfile profile(String name) {
        return new ClusterProfiles(CATALOG).shipped(name);
    }

    /** The qa profile's request for the fixed launch. */
    static software.amazon.awssdk.services.emr.model.RunJobFlowRequest launchRequest() {
        return new RunJobFlowBuilder(CATALOG).build(profile("qa"), launch()).request();
    }

    static LaunchParameters launch() {
        return launch(STEPS, List.of("--max-bad-fraction", "0.001"));
    }

    static LaunchParameters launch(List<String> steps, List<String> runOptions) {
        return new LaunchParameters("golden-run-1", LocalDate.of(2022, 1, 10), SnapshotType.INCREMENTAL,
                URI.create("s3://input-bucket/businessdata/mongo/ucdata/2022-01-10/incremental/"),
                URI.create("s3://published-bucket/mongo-latest/"), "dynamodb:data_pipeline_metadata",
                Optional.of(URI.create("http://mongo-latest-pushgateway:9091")),
                URI.create("s3://artefact-bucket/mongo-latest/mongo-latest-0.1.0.jar"),
                URI.create("s3://artefact-bucket/mongo-latest/product/"), steps, runOptions);
    }
}
