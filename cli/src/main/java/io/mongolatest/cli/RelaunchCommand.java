package io.mongolatest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ExitCode;
import io.mongolatest.MongoLatestException;
import io.mongolatest.cluster.ClusterProfile;
import io.mongolatest.cluster.ClusterProfiles;
import io.mongolatest.cluster.ClusterStateChange;
import io.mongolatest.cluster.EmrClusters;
import io.mongolatest.cluster.LaunchedWith;
import io.mongolatest.cluster.ProductUpload;
import io.mongolatest.cluster.RelaunchDecision;
import io.mongolatest.cluster.RelaunchPolicy;
import io.mongolatest.cluster.RelaunchPolicyTable;
import io.mongolatest.cluster.RunView;
import io.mongolatest.cluster.StopClusters;
import io.mongolatest.ledger.ClusterRunner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.exec.AbandonRun;
import io.mongolatest.sizing.InstanceCatalog;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.s3.S3Clients;
import io.mongolatest.storage.s3.S3Objects;
import io.mongolatest.storage.s3.S3TransferSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

@Command(name = "relaunch", mixinStandardHelpOptions = true,
        description = {"Reads one EventBridge 'EMR Cluster State Change' event, finds the run its cluster held, and"
                + " decides with the relaunch table whether to launch it again: a bootstrap failure is relaunched,"
                + " a step failure while Run_Id <= the profile's max retries and the step is not one never to retry;"
                + " anything else is not. Prints the decision and its reason, then launches as 'launch' does.",
                "Exit codes: 0 decided (relaunched or not), 2 usage or configuration error, 3 the run is held by"
                        + " another runner, 1 EMR or the ledger failed."})
final class RelaunchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What launch set on the failed cluster's steps that a relaunch takes from elsewhere: the run's identity from
     * its ledger row, the ledger from this command, the product from the package the cluster installed (on the
     * node it is a path of the node). Its Pushgateway is kept, unless this command names another.
     */
    private static final Set<String> TAKEN_ELSEWHERE = takenElsewhere();

    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    LaunchOptions launch;

    @Option(names = "--event", required = true, paramLabel = "FILE|-", description = "The event: a JSON file, or - for standard input.")
    String event;

    @Option(names = "--max-retries", paramLabel = "N", description = "Instead of the profile's relaunch max_retries.")
    Integer maxRetries;

    @Option(names = "--no-retry-steps", paramLabel = "STEP", split = ",",
            description = "Instead of the profile's no_retry_steps: steps whose failure is never retried.")
    List<String> noRetrySteps;

    @Mixin
    ProductOption product;

    @Option(names = "--pushgateway", paramLabel = "URL",
            description = "Prometheus Pushgateway the relaunched cluster pushes to. Default: none.")
    String pushgateway;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "An S3-compatible endpoint instead of AWS's, as for 'launch'. Default: AWS.")
    String s3Endpoint;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        ClusterStateChange change = read();
        ClusterProfile profile = new ClusterProfiles(InstanceCatalog.bundled()).load(launch.profile);
        RelaunchPolicy policy = new RelaunchPolicy(maxRetries != null ? maxRetries : profile.relaunch().maxRetries(),
                profile.relaunch().bootstrapRetries(), noRetrySteps != null ? new LinkedHashSet<>(noRetrySteps)
                : profile.relaunch().noRetrySteps());
        Optional<LedgerRow> row;
        try (RunLedger l = ledger.openExisting(common.stateDir())) {
            // Every page: a large table must not hide the row (the original read only the first page).
            row = StopClusters.heldBy(l.list(product.dataProduct()), change.clusterId());
            RelaunchDecision d = new RelaunchPolicyTable(profile.cluster().name(), policy).decide(change,
                    row.map(RunView::of));
            print(out, change, d);
            if (change.terminatedWithErrors() && row.isPresent()) {
                // The cluster is known to be gone: its run is released now, not when its lease runs out, so
                // that this relaunch, or a launch by hand, resumes it at once.
                AbandonRun.abandon(l, row.get(), new ClusterRunner(change.clusterId()).owner(),
                        "its cluster " + change.clusterId() + " terminated with errors", Instant.now());
            }
            if (!d.relaunch()) {
                return ExitCode.SUCCESS.code();
            }
        }
        Optional<LaunchedWith> was;
        try (EmrClusters emr = EmrClusters.open(launch.emrEndpoint)) {
            was = emr.launchedWith(change.clusterId());
        }
        return launch.launch(common, ledger, runOf(row.get(), was), cmd);
    }

    private static Set<String> takenElsewhere() {
        Set<String> flags = new HashSet<>(io.mongolatest.cluster.StepCommand.OWN_OPTIONS);
        flags.remove("--pushgateway");
        flags.add("--dynamodb-endpoint");
        return Set.copyOf(flags);
    }

    private ClusterStateChange read() throws Exception {
        if ("-".equals(event)) {
            return ClusterStateChange.read(System.in, "the event on standard input");
        }
        Path file = Path.of(event);
        if (!Files.isRegularFile(file)) {
            throw MongoLatestException.user("no event file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ClusterStateChange.read(in, file.toString());
        }
    }

    /**
     * The run as the ledger row records it, with the options its failed cluster's steps ran with and the product
     * package that cluster installed; what this command is given wins.
     */
    private RunSpecOptions runOf(LedgerRow r, Optional<LaunchedWith> was) throws IOException {
        List<String> args = new ArrayList<>(was.map(w -> io.mongolatest.cluster.StepCommand.without(
                w.runArguments(), TAKEN_ELSEWHERE)).orElse(List.of()));
        args.addAll(List.of("--correlation-id", r.key().correlationId(), "--export-date", r.date(), "--snapshot-type",
                r.snapshotType(), "--input", r.snapshotsPrefix(), "--warehouse", r.outputPrefix()));
        RunSpecOptions spec = RunSpecOptions.parse(args);
        if (s3Endpoint != null) {
            spec.s3Endpoint = s3Endpoint;
        }
        if (pushgateway != null) {
            spec.pushgateway = pushgateway;
        }
        if (product.product != null) {
            spec.product = product.product;
        } else if (was.isPresent()) {
            spec.product = installed(was.get().product(), spec.s3Endpoint);
        }
        return spec;
    }

    /**
     * The package the failed cluster installed, in a folder of the state directory named after its digest:
     * downloaded (and checked against the digest) the first time, whole or not at all.
     */
    private Path installed(URI location, String endpoint) throws IOException {
        Path dir = common.stateDir().resolve("tmp/relaunch-products").resolve(ProductUpload.digestOf(location));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path partial = Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".part-"
                + ProcessHandle.current().pid());
        try (S3Client s3 = S3Clients.open(endpoint == null ? null : URI.create(endpoint))) {
            ProductUpload.download(new S3Objects(s3, S3TransferSettings.defaults()), location).writeTo(partial);
        }
        try {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another relaunch put the same package there first.
            PrivateFiles.deleteTree(partial);
        }
        return dir;
    }

    private void print(PrintWriter out, ClusterStateChange change, RelaunchDecision d) throws Exception {
        if (launch.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ClusterId", change.clusterId());
            doc.put("Relaunch", d.relaunch());
            doc.put("Rule", d.rule().name());
            doc.put("Reason", d.reason());
            doc.put("Correlation_Id", d.correlationId().orElse(null));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            out.println((d.relaunch() ? "relaunching" : "not relaunching") + " after " + change.describe() + ": "
                    + d.reason() + " [" + d.rule().name() + "]");
        }
        out.flush();
    }
}
