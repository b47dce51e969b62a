package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.cluster.EmrStub;
import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.ledger.DynaliteExtension;
import io.mongolatest.ledger.DynaliteServer;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.TableStores;

/**
 * Cluster mode end to end without AWS (SPEC §10): {@code launch} takes the run and starts a cluster (EMR as
 * WireMock stubs); the cluster's steps run as EMR runs them ({@link SimulatedEmrCluster}: in order, with the
 * cluster id, on the Spark engine, input and warehouse on s3proxy, the ledger on dynalite); one step fails and
 * the cluster terminates with errors; its state-change event goes to {@code relaunch}, which starts another
 * cluster for the same run; that cluster's steps skip what succeeded and resume at the failed step. The
 * tables end equal to a local run of the same input.
 */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class, SharedSpark.class})
class ClusterSimulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "cluster-sim-1";
    private static final String EXPORT_DATE = "2026-11-20";

    @TempDir
    static Path shared;

    private static DynaliteServer dynalite;
    private static S3ProxyServer s3;
    private static S3TestSetup credentials;
    private static S3Location bucket;
    private static Map<String, List<String>> reference;

    /** Spark is up before the steps run: each opens a session on it, as a step's driver would. */
    ClusterSimulationTest(SparkSession spark) {
        assertThat(spark.sparkContext().isStopped()).isFalse();
    }

    @BeforeAll
    static void inputOnS3AndALocalRun(DynaliteServer ledgerServer, S3ProxyServer s3Server) throws Exception {
        dynalite = ledgerServer;
        s3 = s3Server;
        credentials = S3TestSetup.credentialsOf(s3);
        Path local = shared.resolve("input");
        FreshStateSteps.generate(local, shared.resolve("gen"), 3000, 17, "0.0005");
        bucket = s3.createBucket();
        S3TestSetup.upload(s3.objects(), local, bucket.resolve("exports"));
        CliRun ref = CliRun.of("run", "--correlation-id", RUN, "--export-date", EXPORT_DATE, "--input", local.toString(),
                "--warehouse", shared.resolve("ref/warehouse").toString(), "--state-dir", shared.resolve("ref/state")
                        .toString(), "--engine", "duckdb", "--memory", "512MB", "--threads", "1");
        assertThat(ref.exitCode()).as(ref.err()).isZero();
        reference = WarehouseContents.read(shared.resolve("ref/warehouse"));
        assertThat(reference).containsKey("ucs_latest_redacted.statement_fact_v");
    }

    @AfterAll
    static void restoreCredentials() {
        credentials.close();
    }

    @Test
    void aFailedStepIsRelaunchedOnANewClusterThatResumesThere() throws Exception {
        String table = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        // The tables' catalog outlives the clusters: Iceberg's DynamoDB catalog, on the ledger's dynalite.
        String catalog = "dynamodb:iceberg-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ledger = List.of("--ledger", "dynamodb:" + table, "--dynamodb-endpoint",
                dynalite.endpoint().toString(), "--state-dir", shared.resolve("operator").toString());
        assertThat(cli("ledger", List.of("init", "--no-ttl"), ledger).exitCode()).isZero();
        Path profile = FilledProfile.write("production", shared);
        Path fixed = shared.resolve("product-fixed");
        assertThat(CliRun.of("product", "init", fixed.toString()).exitCode()).isZero();
        Path broken = shared.resolve("product-broken");
        assertThat(CliRun.of("product", "init", broken.toString()).exitCode()).isZero();
        Files.writeString(broken.resolve("steps/mongo-latest-views/99_broken.sql"), "SELECT * FROM no_such_table;\n");

        try (EmrStub emr = EmrStub.start()) {
            List<String> emrAndS3 = List.of("--emr-endpoint", emr.endpoint().toString(), "--s3-endpoint",
                    s3.endpoint().toString(), "--profile", profile.toString(), "--jar",
                    "s3://artefacts/mongo-latest/mongo-latest-cluster.jar", "--product-location",
                    bucket.resolve("artefacts/product") + "/");
            clusterStarts(emr, "j-FIRSTCLUSTER");
            List<String> launch = new ArrayList<>(List.of("--correlation-id", RUN, "--export-date", EXPORT_DATE,
                    "--input", bucket.resolve("exports").toString(), "--warehouse",
                    bucket.resolve("published").toString(), "--catalog", catalog, "--product", broken.toString()));
            launch.addAll(emrAndS3);
            CliRun launched = cli("launch", launch, ledger);
            assertThat(launched.exitCode()).as(launched.err()).isZero();
            assertThat(launched.out()).contains("launched cluster j-FIRSTCLUSTER for run " + RUN);

            SimulatedEmrCluster.Ended first = new SimulatedEmrCluster("j-FIRSTCLUSTER", body(emr, 0),
                    shared.resolve("node-1")).run(s3.objects(), "--spark-master", "local[2]");
            assertThat(first.steps()).extracting(SimulatedEmrCluster.StepRun::name, SimulatedEmrCluster.StepRun::exitCode)
                    .as("TERMINATE_CLUSTER after the failed views step: the later steps never run; " + first.steps())
                    .containsExactly(tuple("courtesy-flush", 0),
                            tuple("create-mongo-latest-dbs", 0),
                            tuple("mongo-latest-build", 0),
                            tuple("mongo-latest-views", 1));
            assertThat(first.state()).isEqualTo("TERMINATED_WITH_ERRORS");
            JsonNode failed = row(ledger);
            assertThat(failed.path("Status").asText()).isEqualTo("FAILED");
            assertThat(failed.path("CurrentStep").asText()).isEqualTo("mongo-latest-views");
            assertThat(failed.path("Cluster_Id").asText()).isEqualTo("j-FIRSTCLUSTER");

            // The SQL is mended and the event reaches the relauncher.
            emr.listingsOf("j-FIRSTCLUSTER", body(emr, 0));
            clusterStarts(emr, "j-SECONDCLUSTER");
            List<String> relaunch = new ArrayList<>(List.of("--event", first.writeEvent(shared.resolve("event.json"))
                    .toString(), "--product", fixed.toString()));
            relaunch.addAll(emrAndS3);
            CliRun relaunched = cli("relaunch", relaunch, ledger);
            assertThat(relaunched.exitCode()).as(relaunched.err()).isZero();
            assertThat(relaunched.out()).contains("[STEP_RETRY]")
                    .contains("launched cluster j-SECONDCLUSTER for run " + RUN + "/MONGO_LATEST (Run_Id 2, resuming at"
                            + " mongo-latest-views)");
            assertThat(emr.requests("RunJobFlow")).hasSize(2);

            SimulatedEmrCluster.Ended second = new SimulatedEmrCluster("j-SECONDCLUSTER", body(emr, 1),
                    shared.resolve("node-2")).run(s3.objects(), "--spark-master", "local[2]");
            assertThat(second.steps()).allSatisfy(s -> assertThat(s.exitCode()).as(s.name() + ": " + s.err()).isZero());
            assertThat(second.state()).isEqualTo("TERMINATED");
        }

        JsonNode done = row(ledger);
        assertThat(done.path("Status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("Run_Id").asLong()).isEqualTo(2);
        assertThat(done.path("Cluster_Id").asText()).isEqualTo("j-SECONDCLUSTER");
        JsonNode attempt1 = done.path("Attempts").get(0);
        assertThat(attempt1.path("Run_Id").asLong()).isEqualTo(1);
        assertThat(attempt1.path("Status").asText()).isEqualTo("FAILED");
        assertThat(attempt1.path("CurrentStep").asText()).isEqualTo("mongo-latest-views");
        Map<String, String> steps = new java.util.LinkedHashMap<>();
        done.path("Steps").forEach(s -> steps.put(s.path("Name").asText(), s.path("Status").asText()));
        assertThat(steps).containsEntry("create-mongo-latest-dbs", "SKIPPED").containsEntry("mongo-latest-build", "SKIPPED")
                .containsEntry("mongo-latest-views", "SUCCEEDED").containsEntry("mongo-latest-publish", "SUCCEEDED");

        try (TableStore tables = TableStores.open(Storages.load(StorageSettings.of(s3.endpoint().toString())),
                bucket.resolve("published"), CatalogSpec.parse(catalog), new CatalogEndpoints(null, dynalite.endpoint()))) {
            Map<String, List<String>> published = new java.util.TreeMap<>();
            WarehouseTables.read(tables, shared.resolve("read"), false).forEach((t, rows) -> published.put(t, rows.rows()));
            assertThat(published).isEqualTo(reference);
        }
    }

    private static CliRun cli(String command, List<String> args, List<String> ledger) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(args);
        a.addAll(ledger);
        return CliRun.of(a.toArray(String[]::new));
    }

    private static JsonNode row(List<String> ledger) throws Exception {
        CliRun status = cli("status", List.of("--correlation-id", RUN, "--json"), ledger);
        assertThat(status.exitCode()).as(status.err()).isZero();
        return JSON.readTree(status.out());
    }

    private static String body(EmrStub emr, int call) {
        return emr.requests("RunJobFlow").get(call).getBodyAsString();
    }

    private static void clusterStarts(EmrStub emr, String id) {
        // The newest stub answers first: each launch gets the cluster set up for it.
        emr.answer("RunJobFlow", 200, "{\"JobFlowId\":\"" + id + "\",\"ClusterArn\":"
                + "\"arn:aws:elasticmapreduce:eu-west-2:123456789012:cluster/" + id + "\"}");
    }
}
