package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ObjectInfo;
import io.mongolatest.storage.s3.S3Objects;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/**
 * Issue 12 on the DuckDB engine, through the command line, against s3proxy: input, warehouse and quarantine
 * on {@code s3://}, the result equal row for row to a run on local folders of the same input; a run killed
 * during publication leaves every database as it was; a changed input object makes a retry build again.
 * The in-process runs find s3proxy's credentials in the {@code aws.*} system properties (set for this class
 * only), the child runs in their environment.
 */
@ExtendWith(S3ProxyExtension.class)
class S3AcceptanceTest {
    private static final RunKey KEY = new RunKey("s3-acceptance-1", "MONGO_LATEST");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static S3ProxyServer s3;
    private static S3Objects objects;
    private static S3Location bucket;
    private static S3Location input;
    private static Map<String, List<String>> reference;
    private static Map<String, String> referenceQuarantine;
    private static S3TestSetup credentials;

    @BeforeAll
    static void generateUploadAndRunLocally(S3ProxyServer server) throws Exception {
        s3 = server;
        objects = server.objects();
        credentials = S3TestSetup.credentialsOf(server);

        Path local = shared.resolve("input");
        FreshStateSteps.generate(local, shared.resolve("gen-state"), 2000, 5, "0.0006");
        bucket = server.createBucket();
        input = bucket.resolve("exports/input");
        S3TestSetup.upload(objects, local, input);

        Path ref = shared.resolve("ref");
        CliRun clean = CliRun.of(args("run", local.toString(), ref.resolve("warehouse").toString(), ref));
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        reference = WarehouseContents.read(ref.resolve("warehouse"));
        assertThat(reference).containsKey("ucs_latest_redacted.statement_fact_v").containsKey("uc_mongo_latest.core_contract");
        assertThat(reference.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        referenceQuarantine = new TreeMap<>();
        try (Stream<Path> q = Files.list(ref.resolve("warehouse/quarantine").resolve(KEY.correlationId()))) {
            for (Path f : q.toList()) {
                referenceQuarantine.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        assertThat(referenceQuarantine).as("the input has bad lines").isNotEmpty();
    }

    @AfterAll
    static void restoreProperties() {
        credentials.close();
    }

    private static String[] args(String command, String in, String warehouse, Path base, String... extra) {
        List<String> a = new ArrayList<>(List.of(command, "--correlation-id", KEY.correlationId(), "--export-date",
                "2026-11-20", "--input", in, "--warehouse", warehouse, "--state-dir", base.resolve("state").toString(),
                "--memory", "512MB", "--threads", "1", "--engine", "duckdb"));
        if (in.startsWith("s3://") || warehouse.startsWith("s3://")) {
            a.addAll(List.of("--s3-endpoint", s3.endpoint().toString()));
        }
        if (warehouse.startsWith("s3://")) {
            a.addAll(List.of("--catalog", catalog(warehouse)));
        }
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** An S3 warehouse's catalog here: a SQLite file of its own, outside every state folder (one machine). */
    private static String catalog(String warehouse) {
        return "sqlite:" + shared.resolve("catalogs").resolve(warehouse.replaceAll("[^A-Za-z0-9]+", "-") + ".db");
    }

    private String[] s3Args(String command, S3Location warehouse, String... extra) {
        return args(command, input.toString(), warehouse.toString(), dir, extra);
    }

    private Map<String, List<String>> contents(S3Location warehouse) throws Exception {
        return WarehouseContents.readS3(s3.endpoint(), warehouse, catalog(warehouse.toString()),
                Files.createTempDirectory(dir, "read-"));
    }

    private ChildLedger ledger() {
        return new ChildLedger(dir.resolve("state").resolve("ledger.db"), KEY);
    }

    @Test
    void theDefaultPipelineWithInputAndWarehouseOnS3EqualsALocalRunRowForRow() throws Exception {
        S3Location warehouse = bucket.resolve("warehouses/equal");

        CliRun run = CliRun.of(s3Args("run", warehouse));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(contents(warehouse)).isEqualTo(reference);
        LedgerRow row = ledger().read().orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row.snapshotsPrefix()).isEqualTo(input.toString());
        assertThat(row.outputPrefix()).isEqualTo(warehouse.toString());
        S3Location quarantine = warehouse.resolve("quarantine/" + KEY.correlationId());
        Map<String, String> quarantined = new TreeMap<>();
        for (S3ObjectInfo o : objects.list(quarantine)) {
            try (InputStream in = objects.open(o)) {
                quarantined.put(o.keyBelow(quarantine), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(quarantined).isEqualTo(referenceQuarantine);

        CliRun query = CliRun.of("query", "--warehouse", warehouse.toString(), "--s3-endpoint",
                s3.endpoint().toString(), "--catalog", catalog(warehouse.toString()), "--state-dir", dir.resolve("query-state").toString(), "--format", "csv",
                "SELECT count(*) AS n FROM ucs_latest_redacted.statement_fact_v");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out().lines().toList()).containsExactly("n",
                String.valueOf(reference.get("ucs_latest_redacted.statement_fact_v").size()));
    }

    /**
     * As the steps of a cluster run, or of a relaunch on a new machine: each step with a state folder of its own,
     * empty, the ledger and the stores the only things they share. The publish step finds the tables the build
     * step committed and the views the views step made in the warehouse on S3, not in a local mirror.
     */
    @Test
    void stepsEachWithAnEmptyStateFolderGiveTheTablesOfOneRun() throws Exception {
        S3Location warehouse = bucket.resolve("warehouses/fresh-state");
        Path ledger = dir.resolve("ledger.db");
        FreshStateSteps.run(dir, (step, node) -> args("step", input.toString(), warehouse.toString(), node,
                "--ledger", "sqlite:" + ledger, step));
        assertThat(contents(warehouse)).isEqualTo(reference);
        assertThat(objects.head(warehouse.resolve("catalog.duckdb.json"))).as("the views, kept beside the tables")
                .isPresent();
        LedgerRow row = new ChildLedger(ledger, KEY).read().orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row.runId()).isEqualTo(1);
    }

    @Test
    void aRunKilledDuringPublicationLeavesThePreviousVersionsAndTheRerunEndsEqualToACleanRun() throws Exception {
        S3Location warehouse = bucket.resolve("warehouses/killed");
        CliRun first = CliRun.of(s3Args("run", warehouse));
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, Long> before = WarehouseContents.snapshots(s3.endpoint(), warehouse, catalog(warehouse.toString()));

        ChildRun doomed = ChildRun.start(dir, "doomed", s3.environment(), s3Args("run", warehouse));
        ledger().killWhileRunning(doomed, "mongo-latest-publish");

        assertThat(doomed.out()).contains("full re-run");
        assertThat(contents(warehouse)).as("every database whole, of one export").isEqualTo(reference);
        Map<String, Long> after = WarehouseContents.snapshots(s3.endpoint(), warehouse, catalog(warehouse.toString()));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        CliRun again = CliRun.of(s3Args("run", warehouse));
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("retry from mongo-latest-publish");
        assertThat(contents(warehouse)).isEqualTo(reference);
        assertThat(WarehouseContents.snapshots(s3.endpoint(), warehouse, catalog(warehouse.toString()))
                .get("ucs_latest_redacted.core_contract")).isNotEqualTo(before.get("ucs_latest_redacted.core_contract"));
    }

    @Test
    void aRetryAfterOneInputObjectChangedBuildsAgainAndPlanSaysWhy() throws Exception {
        S3Location warehouse = bucket.resolve("warehouses/changed");
        S3Location changedInput = bucket.resolve("exports/changed");
        for (S3ObjectInfo o : objects.list(input)) {
            try (InputStream in = objects.open(o)) {
                objects.put(changedInput.resolve(o.keyBelow(input)), in.readAllBytes());
            }
        }
        Path product = dir.resolve("product");
        assertThat(CliRun.of("product", "init", product.toString()).exitCode()).isZero();
        Path fail = product.resolve("steps/mongo-latest-views/99_fail.sql");
        Files.writeString(fail, "SELECT * FROM missing_table_injected;\n");
        String[] run = args("run", changedInput.toString(), warehouse.toString(), dir, "--product", product.toString());
        CliRun failed = CliRun.of(run);
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        Files.delete(fail);

        // One object of the export replaced: a blank line more, which changes its ETag, not its documents.
        S3ObjectInfo changed = objects.list(changedInput).stream().filter(o -> o.key().endsWith(".json"))
                .findFirst().orElseThrow();
        byte[] body;
        try (InputStream in = objects.open(changed)) {
            body = in.readAllBytes();
        }
        byte[] more = java.util.Arrays.copyOf(body, body.length + 1);
        more[body.length] = '\n';
        objects.put(S3Location.parse(changed.uri()), more);

        CliRun plan = CliRun.of(args("plan", changedInput.toString(), warehouse.toString(), dir, "--product",
                product.toString()));
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).containsPattern("create-mongo-latest-dbs\\s+builtin:create-databases\\s+RUN\\s+"
                + "changed since it succeeded \\(input snapshots\\)")
                .containsPattern("mongo-latest-build\\s+builtin:build-latest\\s+RUN");
        CliRun retried = CliRun.of(run);
        assertThat(retried.exitCode()).as(retried.out() + retried.err()).isZero();
        JsonNode report = JSON.readTree(CliRun.of("report", "--correlation-id", KEY.correlationId(), "--state-dir",
                dir.resolve("state").toString(), "--format", "json").out());
        assertThat(RetryAcceptanceTest.stepStatus(report, "mongo-latest-build")).isEqualTo("SUCCEEDED");
        assertThat(report.get("Run_Id").asLong()).isEqualTo(2);
        assertThat(contents(warehouse)).isEqualTo(reference);
    }

    @Test
    void aMissingBucketDeniedAccessAndMissingCredentialsAreOneLineBeforeAnythingIsWritten() throws Exception {
        CliRun missing = CliRun.of(args("run", "s3://missing-bucket/x", dir.resolve("wh").toString(), dir));
        assertOneLineUserError(missing, "error: cannot list s3://missing-bucket/x: the bucket missing-bucket does"
                + " not exist in S3 at " + s3.endpoint());
        assertThat(dir.resolve("state/ledger.db")).doesNotExist();
        assertThat(dir.resolve("wh")).doesNotExist();

        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try {
            CliRun denied = CliRun.of(s3Args("run", bucket.resolve("warehouses/denied")));
            assertOneLineUserError(denied, "error: cannot list " + input + ": access denied by S3 at "
                    + s3.endpoint());
        } finally {
            System.setProperty("aws.secretAccessKey", s3.secretKey());
        }

        Map<String, String> noCredentials = new HashMap<>();
        for (String v : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE")) {
            noCredentials.put(v, null);
        }
        noCredentials.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        noCredentials.put("AWS_CONFIG_FILE", dir.resolve("none").toString());
        ChildRun child = ChildRun.start(dir, "no-credentials", noCredentials, s3Args("run", bucket.resolve("warehouses/denied")));
        assertThat(child.await(120)).as(child.err()).isEqualTo(2);
        assertThat(child.err().strip()).startsWith("error: no AWS credentials found for S3 at " + s3.endpoint())
                .doesNotContain("\n");
        assertThat(dir.resolve("state/ledger.db")).doesNotExist();
        assertThat(objects.list(bucket.resolve("warehouses/denied"))).isEmpty();
    }

    @Test
    void aWarehousePrefixInsideTheInputPrefixIsRefused() {
        CliRun inside = CliRun.of(s3Args("run", input.resolve("warehouse")));
        assertOneLineUserError(inside, "--warehouse " + input.resolve("warehouse") + " lies inside --input " + input);
        CliRun same = CliRun.of(s3Args("run", input));
        assertOneLineUserError(same, "is the same prefix as --input");
    }

    @Test
    void anS3WarehouseInTheLayoutOfAnEarlierVersionIsRefusedNeverReadAsEmpty() {
        S3Location warehouse = bucket.resolve("warehouses/old-layout");
        objects.put(warehouse.resolve("uc_mongo_latest/_current.json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertOneLineUserError(CliRun.of(s3Args("run", warehouse)), "the warehouse " + warehouse + " has tables in the"
                + " layout of an earlier version (" + warehouse.resolve("uc_mongo_latest/_current.json") + ")");
        assertThat(objects.list(warehouse)).hasSize(1);
    }

    private static void assertOneLineUserError(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip()).contains(expected).doesNotContain("\n").doesNotContain("Exception");
    }
}
