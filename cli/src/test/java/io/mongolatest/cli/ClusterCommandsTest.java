package io.mongolatest.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.cluster.EmrStub;
import io.mongolatest.cluster.ProductUpload;
import io.mongolatest.ledger.DynaliteExtension;
import io.mongolatest.ledger.DynaliteServer;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/**
 * {@code launch}, {@code stop} and {@code relaunch} through the command line: EMR as WireMock stubs, the ledger
 * on dynalite, input and warehouse on s3proxy. What is asserted is what EMR was sent and what the ledger holds.
 */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class ClusterCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3TestSetup credentials;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static DynaliteServer dynalite;
    private static S3ProxyServer s3;
    private static S3Location input;
    private static S3Location warehouse;
    private static S3Location artefacts;
    private static Path profile;

    private EmrStub emr;
    private String table;

    @BeforeAll
    static void inputOnS3AndAFilledProfile(DynaliteServer ledgerServer, S3ProxyServer s3Server) throws Exception {
        dynalite = ledgerServer;
        s3 = s3Server;
        credentials = S3TestSetup.credentialsOf(s3);
        Path local = shared.resolve("input");
        CliRun.generate(local, 50, 3, shared.resolve("gen"));
        S3Location bucket = s3.createBucket();
        input = bucket.resolve("exports");
        warehouse = bucket.resolve("published");
        artefacts = bucket.resolve("artefacts");
        S3TestSetup.upload(s3.objects(), local, input);
        profile = FilledProfile.write("development", shared);
    }

    @AfterAll
    static void restoreProperties() {
        credentials.close();
    }

    @BeforeEach
    void startEmrAndALedger() {
        emr = EmrStub.start();
        table = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        CliRun init = CliRun.of("ledger", "init", "--ledger", "dynamodb:" + table, "--dynamodb-endpoint",
                dynalite.endpoint().toString(), "--no-ttl", "--state-dir", dir.resolve("state").toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    @AfterEach
    void stopEmr() {
        emr.close();
    }

    private List<String> ledger() {
        return List.of("--ledger", "dynamodb:" + table, "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--state-dir", dir.resolve("state").toString());
    }

    private CliRun cli(String command, List<String> args, String... extra) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(args);
        a.addAll(ledger());
        a.addAll(List.of(extra));
        return CliRun.of(a.toArray(String[]::new));
    }

    private List<String> launchArgs(String correlationId, String profileName) {
        return List.of("--correlation-id", correlationId, "--export-date", "2026-11-20", "--input", input.toString(),
                "--warehouse", warehouse.toString(), "--catalog", "glue", "--s3-endpoint", s3.endpoint().toString(), "--profile",
                profileName, "--emr-endpoint", emr.endpoint().toString(), "--jar",
                "s3://artefacts/mongo-latest/mongo-latest.jar", "--product-location", artefacts + "/product/");
    }

    private JsonNode row(String correlationId) throws Exception {
        CliRun status = cli("status", List.of("--correlation-id", correlationId, "--json"));
        assertThat(status.exitCode()).as(status.err()).isZero();
        return JSON.readTree(status.out());
    }

    private void clusterStarts(String id) {
        emr.answer("RunJobFlow", 200, "{\"JobFlowId\":\"" + id + "\",\"ClusterArn\":"
                + "\"arn:aws:elasticmapreduce:eu-west-2:123456789012:cluster/" + id + "\"}");
    }

    @Test
    void dryRunPrintsTheRequestAndCallsNothing() throws Exception {
        CliRun dry = cli("launch", launchArgs("dry-1", "development"), "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        JsonNode request = JSON.readTree(dry.out());
        assertThat(request.path("Name").asText()).isEqualTo("mongo-latest");
        assertThat(request.path("Steps")).hasSize(6);
        JsonNode build = request.path("Steps").get(2);
        assertThat(build.path("Name").asText()).isEqualTo("mongo-latest-build");
        assertThat(build.path("ActionOnFailure").asText()).isEqualTo("CONTINUE");
        List<String> args = new ArrayList<>();
        build.path("HadoopJarStep").path("Args").forEach(a -> args.add(a.asText()));
        assertThat(args).containsSequence("spark-submit", "--deploy-mode", "client")
                .containsSequence("step", "mongo-latest-build").containsSequence("--engine", "spark")
                .containsSequence("--input", input.toString()).containsSequence("--ledger", "dynamodb:" + table)
                .containsSequence("--s3-endpoint", s3.endpoint().toString());
        assertThat(emr.requests("RunJobFlow")).isEmpty();
        assertThat(cli("status", List.of("--correlation-id", "dry-1")).exitCode()).as("no row was written")
                .isEqualTo(2);
    }

    @Test
    void aDryRunNeedsNoAwsAccess() throws Exception {
        // Endpoints nobody answers on: a dry run that reached S3 or DynamoDB would fail.
        CliRun dry = CliRun.of("launch", "--dry-run", "--correlation-id", "dry-offline", "--export-date", "2026-11-20",
                "--input", "s3://exports-nobody-has/in", "--warehouse", "s3://warehouse-nobody-has/wh", "--catalog", "glue", "--s3-endpoint",
                "http://127.0.0.1:9", "--ledger", "dynamodb:" + table, "--dynamodb-endpoint", "http://127.0.0.1:9",
                "--profile", "production", "--state-dir", shared.resolve("offline").toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(JSON.readTree(dry.out()).path("Instances").path("InstanceFleets")).hasSize(2);
    }

    @Test
    void explainSaysWhereEachConfigurationValueCameFrom() {
        CliRun explain = cli("launch", launchArgs("explain-1", "development"), "--explain");
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("# cluster configurations: 10 x m5.4xlarge")
                .contains("yarn-site.yarn.nodemanager.resource.memory-mb=")
                .contains("# from profile\nspark.maximizeResourceAllocation=false");
        assertThat(emr.requests("RunJobFlow")).isEmpty();
    }

    @Test
    void aShippedProfileWithPlaceholdersIsRefusedBeforeTheRunIsTaken() {
        CliRun refused = cli("launch", launchArgs("placeholders-1", "development"));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("error: profile development still holds placeholders")
                .doesNotContain("\n");
        assertThat(emr.requests("RunJobFlow")).isEmpty();
    }

    @Test
    void launchTakesTheRunThenAsecondLaunchIsHeldAndSendsNothing() throws Exception {
        clusterStarts("j-FIRST");
        CliRun first = cli("launch", launchArgs("launch-1", profile.toString()));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("launched cluster j-FIRST for run launch-1/MONGO_LATEST (Run_Id 1)");
        JsonNode row = row("launch-1");
        assertThat(row.path("Status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(row.path("Cluster_Id").asText()).isEqualTo("j-FIRST");
        assertThat(row.path("Lease_Owner").asText()).isEqualTo("emr:j-FIRST");
        assertThat(row.path("S3_Prefix_Snapshots").asText()).isEqualTo(input.toString());
        JsonNode sent = JSON.readTree(emr.requests("RunJobFlow").get(0).getBodyAsString());
        assertThat(sent.path("Tags").toString()).contains("{\"Key\":\"Correlation_Id\",\"Value\":\"launch-1\"}");
        // The package the launch planned with is where the install bootstrap action fetches it from.
        String product = sent.path("BootstrapActions").get(0).path("ScriptBootstrapAction").path("Args").get(1).asText();
        assertThat(product).matches(java.util.regex.Pattern.quote(artefacts + "/product/") + "[0-9a-f]{16}/");
        assertThat(s3.objects().head(S3Location.parse(product + "pipeline.yaml"))).isPresent();
        assertThat(s3.objects().head(S3Location.parse(product + "steps/mongo-latest-views/10_statement_fact_v.sql")))
                .isPresent();

        CliRun second = cli("launch", launchArgs("launch-1", profile.toString()));
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.err().strip()).contains("emr:j-FIRST").endsWith("no cluster was started")
                .doesNotContain("\n");
        assertThat(emr.requests("RunJobFlow")).as("the second launch sent no RunJobFlow").hasSize(1);
        assertThat(row("launch-1").path("Cluster_Id").asText()).isEqualTo("j-FIRST");
    }

    @Test
    void aRefusedRunJobFlowGivesTheRunBackAndSaysWhyInOneLine() throws Exception {
        emr.answer("RunJobFlow", 400, "{\"__type\":\"ValidationException\",\"message\":\"The subnet does not exist\"}");
        CliRun refused = cli("launch", launchArgs("refused-1", profile.toString()));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("error: no cluster was started: ").contains("The subnet does not exist")
                .doesNotContain("\n");
        assertThat(cli("status", List.of("--correlation-id", "refused-1")).exitCode()).as("the row is gone")
                .isEqualTo(2);

        clusterStarts("j-AFTER");
        CliRun again = cli("launch", launchArgs("refused-1", profile.toString()), "--format", "json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode printed = JSON.readTree(again.out());
        assertThat(printed.path("ClusterId").asText()).isEqualTo("j-AFTER");
        assertThat(printed.path("Run_Id").asLong()).as("no retry was spent on the refused launch").isEqualTo(1);
    }

    @Test
    void stopTerminatesTheActiveClustersOnEveryPageAndRecordsTheirRunsFailed() throws Exception {
        clusterStarts("j-STOPME");
        assertThat(cli("launch", launchArgs("stop-1", profile.toString())).exitCode()).isZero();
        emr.answer(EmrStub.operation("ListClusters").withRequestBody(matchingJsonPath("$.Marker", absent())), 200,
                "{\"Clusters\":[" + summary("j-OTHER", "other-product") + "],\"Marker\":\"page2\"}");
        emr.answer(EmrStub.operation("ListClusters").withRequestBody(matchingJsonPath("$.Marker", equalTo("page2"))),
                200, "{\"Clusters\":[" + summary("j-STOPME", "mongo-latest") + "," + summary("j-ORPHAN", "mongo-latest")
                        + "]}");
        emr.answer("TerminateJobFlows", 200, "{}");

        CliRun stop = cli("stop", List.of("--emr-endpoint", emr.endpoint().toString()));
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).contains("terminated cluster j-STOPME of run stop-1 (recorded FAILED at its current step)")
                .contains("terminated cluster j-ORPHAN (no run in the ledger)").doesNotContain("j-OTHER");
        assertThat(emr.requests("ListClusters")).hasSize(2);
        JsonNode terminate = JSON.readTree(emr.requests("TerminateJobFlows").get(0).getBodyAsString());
        assertThat(terminate.path("JobFlowIds").toString()).isEqualTo("[\"j-STOPME\",\"j-ORPHAN\"]");
        JsonNode row = row("stop-1");
        assertThat(row.path("Status").asText()).isEqualTo("FAILED");
        assertThat(row.path("Lease_Owner").isNull()).isTrue();
    }

    @Test
    void stopOfOneRunTerminatesOnlyItsCluster() throws Exception {
        clusterStarts("j-MINE");
        assertThat(cli("launch", launchArgs("stop-2", profile.toString())).exitCode()).isZero();
        emr.answer("ListClusters", 200, "{\"Clusters\":[" + summary("j-MINE", "mongo-latest") + ","
                + summary("j-NOTMINE", "mongo-latest") + "]}");
        emr.answer("TerminateJobFlows", 200, "{}");
        CliRun stop = cli("stop", List.of("--correlation-id", "stop-2", "--emr-endpoint", emr.endpoint().toString()));
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        JsonNode terminate = JSON.readTree(emr.requests("TerminateJobFlows").get(0).getBodyAsString());
        assertThat(terminate.path("JobFlowIds").toString()).isEqualTo("[\"j-MINE\"]");
    }

    @Test
    void relaunchAfterABootstrapFailureStartsAnotherClusterForTheSameRun() throws Exception {
        clusterStarts("j-BOOT");
        // A product of the operator's and options of this launch only: the relaunch must start the same.
        Path product = dir.resolve("own-product");
        assertThat(CliRun.of("product", "init", product.toString()).exitCode()).isZero();
        Files.writeString(product.resolve("steps/mongo-latest-views/10_statement_fact_v.sql"), "-- ours\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> launch = new ArrayList<>(launchArgs("relaunch-1", profile.toString()));
        launch.addAll(List.of("--product", product.toString(), "--max-bad-fraction", "0.25", "--full-rebuild"));
        CliRun launched = cli("launch", launch);
        assertThat(launched.exitCode()).as(launched.err()).isZero();
        emr.listingsOf("j-BOOT", emr.requests("RunJobFlow").get(0).getBodyAsString());
        Path event = event("j-BOOT", "BOOTSTRAP_FAILURE", "bootstrap action 1 returned a non-zero return code");
        clusterStarts("j-AGAIN");
        CliRun relaunch = cli("relaunch", List.of("--event", event.toString(), "--profile", profile.toString(),
                "--emr-endpoint", emr.endpoint().toString(), "--jar", "s3://artefacts/mongo-latest/mongo-latest.jar",
                "--product-location", artefacts + "/product/", "--s3-endpoint", s3.endpoint().toString()));
        assertThat(relaunch.exitCode()).as(relaunch.err()).isZero();
        assertThat(relaunch.out()).startsWith("relaunching after ").contains("launched cluster j-AGAIN");
        assertThat(emr.requests("RunJobFlow")).hasSize(2);
        JsonNode row = row("relaunch-1");
        assertThat(row.path("Cluster_Id").asText()).isEqualTo("j-AGAIN");
        assertThat(row.path("Run_Id").asLong()).isEqualTo(2);
        assertThat(row.path("Attempts").get(0).path("Status").asText()).isEqualTo("FAILED");
        JsonNode first = JSON.readTree(emr.requests("RunJobFlow").get(0).getBodyAsString());
        JsonNode sent = JSON.readTree(emr.requests("RunJobFlow").get(1).getBodyAsString());
        assertThat(sent.path("Tags").toString()).contains("{\"Key\":\"Correlation_Id\",\"Value\":\"relaunch-1\"}");
        assertThat(sent.path("Steps")).as("the same steps with the same options").isEqualTo(first.path("Steps"));
        assertThat(sent.path("Steps").get(2).path("HadoopJarStep").path("Args").toString())
                .contains("\"--max-bad-fraction\",\"0.25\"").contains("\"--full-rebuild\",\"--catalog\",\"glue\"");
        assertThat(sent.path("BootstrapActions").get(0)).as("the product package the first cluster installed")
                .isEqualTo(first.path("BootstrapActions").get(0));
        assertThat(first.path("BootstrapActions").get(0).toString()).doesNotContain(
                ProductUpload.location(URI.create(artefacts + "/product/"), ProductFiles.bundled()).toString());
    }

    @Test
    void relaunchDeclinesAStepFailureBeyondTheRetriesAndAClusterWithoutARun() throws Exception {
        clusterStarts("j-STEP");
        assertThat(cli("launch", launchArgs("relaunch-2", profile.toString())).exitCode()).isZero();
        CliRun declined = cli("relaunch", List.of("--event", event("j-STEP", "STEP_FAILURE", "Steps completed with errors")
                .toString(), "--profile", profile.toString(), "--emr-endpoint", emr.endpoint().toString(),
                "--format", "json"));
        assertThat(declined.exitCode()).as(declined.err()).isZero();
        JsonNode d = JSON.readTree(declined.out());
        assertThat(d.path("Relaunch").asBoolean()).isFalse();
        assertThat(d.path("Correlation_Id").asText()).isEqualTo("relaunch-2");
        CliRun unknown = cli("relaunch", List.of("--event", event("j-NOBODY", "STEP_FAILURE", "x").toString(),
                "--profile", profile.toString(), "--emr-endpoint", emr.endpoint().toString()));
        assertThat(unknown.exitCode()).as(unknown.err()).isZero();
        assertThat(unknown.out()).startsWith("not relaunching");
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
        JsonNode row = row("relaunch-2");
        assertThat(row.path("Status").asText()).as("the cluster is gone: its run is released for a launch by hand")
                .isEqualTo("FAILED");
        assertThat(row.path("Lease_Owner").isNull()).isTrue();
    }

    private Path event(String clusterId, String code, String message) throws Exception {
        Map<String, Object> detail = new HashMap<>();
        detail.put("severity", "ERROR");
        detail.put("name", "mongo-latest");
        detail.put("clusterId", clusterId);
        detail.put("state", "TERMINATED_WITH_ERRORS");
        detail.put("stateChangeReason", JSON.writeValueAsString(Map.of("code", code, "message", message)));
        detail.put("message", "Amazon EMR Cluster " + clusterId + " has terminated with errors");
        Map<String, Object> event = Map.of("version", "0", "source", "aws.emr",
                "detail-type", "EMR Cluster State Change", "detail", detail);
        Path f = dir.resolve("event-" + clusterId + ".json");
        Files.writeString(f, JSON.writeValueAsString(event));
        return f;
    }

    private static String summary(String id, String name) {
        return "{\"Id\":\"" + id + "\",\"Name\":\"" + name + "\",\"Status\":{\"State\":\"RUNNING\"}}";
    }
}
