package io.mongolatest.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ExitCode;
import io.mongolatest.cluster.ClusterProfile;
import io.mongolatest.cluster.ClusterProfiles;
import io.mongolatest.cluster.EmrClusters;
import io.mongolatest.cluster.JobFlowPlan;
import io.mongolatest.cluster.LaunchRun;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.sizing.InstanceCatalog;
import io.mongolatest.storage.s3.S3Clients;
import io.mongolatest.storage.s3.S3Objects;
import io.mongolatest.storage.s3.S3TransferSettings;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.s3.S3Client;
import picocli.CommandLine.Option;

/** How {@code launch} and {@code relaunch} start a cluster for a run, and the launch itself. */
final class LaunchOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--profile", required = true, paramLabel = "NAME|FILE",
            description = "The cluster profile: one of " + "development, qa, integration, preprod, production (shipped,"
                    + " with placeholders for account values), or your own YAML file.")
    String profile;

    @Option(names = "--emr-endpoint", paramLabel = "URL",
            description = "An EMR-compatible endpoint instead of AWS's (tests). Default: AWS, default region and credentials.")
    URI emrEndpoint;

    @Option(names = "--jar", paramLabel = "S3_URL",
            description = "The mongo-latest cluster jar the bootstrap installs. Default: mongo-latest.jar beside the"
                    + " profile's install script.")
    URI jar;

    @Option(names = "--product-location", paramLabel = "S3_URL",
            description = "The S3 folder below which launch puts the product package it plans with (--product, or"
                    + " the built-in one), in a folder named by its digest, for the bootstrap to install: the cluster"
                    + " runs what was planned. Default: product/ beside the profile's install script.")
    URI productLocation;

    @Option(names = "--cluster-lease", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the new cluster holds the run before its first step renews it: its start-up time."
                    + " Default: ${DEFAULT-VALUE}.")
    Duration clusterLease;

    @Option(names = "--dry-run", description = "Print the RunJobFlow request as JSON and call nothing.")
    boolean dryRun;

    @Option(names = "--explain", description = "Print the cluster's configurations, each value with where it came"
            + " from (computed for the profile's instances, or the profile's own), and call nothing.")
    boolean explain;

    /** How a launch or relaunch prints its result; checked as the options are parsed, before anything is done. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "How to print the result. Default: ${DEFAULT-VALUE}.")
    Format format;

    /** Takes the run of {@code spec} and starts its cluster; returns the exit code. */
    int launch(CommonOptions common, LedgerOptions ledger, RunSpecOptions spec, CommandSpec cmd) throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        InstanceCatalog catalog = InstanceCatalog.bundled();
        ClusterProfile p = new ClusterProfiles(catalog).load(profile);
        if (explain || dryRun) {
            // From the options alone: no credentials are needed and nothing is reached.
            RunWiring.Preview preview = RunWiring.preview(common, ledger, spec, Clock.systemUTC());
            JobFlowPlan request = LaunchRun.request(preview.spec(), launch(p, ledger, spec, preview.productFiles()),
                    catalog);
            if (explain) {
                out.print(request.configurations().explain());
            } else {
                out.println(request.prettyJson());
            }
            return ExitCode.SUCCESS.code();
        }
        try (RunWiring w = RunWiring.forLaunch(common, ledger, spec, Clock.systemUTC())) {
            LaunchRun.Launch launch = launch(p, ledger, spec, w.productFiles);
            LaunchRun.Launched l;
            try (EmrClusters emr = EmrClusters.open(emrEndpoint);
                 S3Client s3 = S3Clients.open(spec.s3Endpoint == null ? null : URI.create(spec.s3Endpoint))) {
                l = LaunchRun.launch(w.spec, w.parts, launch, emr, new S3Objects(s3, S3TransferSettings.defaults()),
                        catalog,
                        new ConsoleListener(json() ? cmd.commandLine().getErr() : out, cmd.commandLine().getErr()));
            }
            if (l.outcome() == RunOutcome.HELD) {
                cmd.commandLine().getErr().println("error: " + l.message() + "; no cluster was started");
                return RunOutcome.HELD.exitCode();
            }
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ClusterId", l.clusterId());
                doc.put("ClusterArn", l.clusterArn());
                doc.put("Correlation_Id", l.row().key().correlationId());
                doc.put("Run_Id", l.row().runId());
                doc.put("Start", l.plan().start().name());
                doc.put("ResumeStep", l.plan().resumeStep());
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else {
                out.println("launched cluster " + l.clusterId() + " for run " + l.row().key() + " (Run_Id "
                        + l.row().runId() + (l.plan().resumeStep() == null ? "" : ", resuming at " + l.plan().resumeStep())
                        + ")");
            }
            return ExitCode.SUCCESS.code();
        }
    }

    boolean json() {
        return format == Format.json;
    }

    private LaunchRun.Launch launch(ClusterProfile p, LedgerOptions ledger, RunSpecOptions spec,
                                    ProductFiles productFiles) {
        URI script = URI.create(p.bootstrap().installScript());
        URI beside = script.resolve(".");
        List<String> runOptions = new ArrayList<>(List.of("--max-bad-fraction", Double.toString(spec.maxBadFraction),
                "--lease-ttl", spec.leaseTtl.toSeconds() + "s", "--warehouse-wait", spec.warehouseWait.toSeconds() + "s",
                "--pushgateway-grace",
                spec.pushgatewayGrace.toSeconds() + "s", "--pushgateway-wipe", spec.pushgatewayWipe.name()));
        runOptions.addAll(List.of("--memory", spec.memory));
        if (spec.fullRebuild) {
            runOptions.add("--full-rebuild"); // a cluster's build merges the kept state unless told not to
        }
        // Spark's own settings reach the steps; spark-submit on the cluster decides the master.
        // The cluster's steps commit to the same catalog.
        if (spec.catalog.catalog != null) {
            runOptions.addAll(List.of("--catalog", spec.catalog.catalog));
        }
        if (spec.catalog.glueEndpoint != null) {
            runOptions.addAll(List.of("--glue-endpoint", spec.catalog.glueEndpoint));
        }
        if (spec.sparkConf != null) {
            spec.sparkConf.forEach((k, v) -> runOptions.addAll(List.of("--spark-conf", k + "=" + v)));
        }
        // A stand-in endpoint the launch reaches is the one the cluster's steps must reach too.
        if (ledger.dynamoDbEndpoint != null) {
            runOptions.addAll(List.of("--dynamodb-endpoint", ledger.dynamoDbEndpoint));
        }
        if (spec.s3Endpoint != null) {
            runOptions.addAll(List.of("--s3-endpoint", spec.s3Endpoint));
        }
        String ledgerSpec = ledger.ledger == null ? "sqlite" : ledger.ledger;
        return new LaunchRun.Launch(p, jar != null ? jar : beside.resolve("mongo-latest.jar"),
                productLocation != null ? productLocation : beside.resolve("product/"), productFiles, ledgerSpec,
                Optional.ofNullable(spec.pushgateway).filter(s -> !s.isBlank()).map(URI::create), runOptions,
                clusterLease);
    }
}
