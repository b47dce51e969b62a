package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ledger.DynaliteExtension;
import io.mongolatest.ledger.DynamoDbLedger;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.DynaliteServer;

/**
 * The retry story of issue 2, through the command line, on both ledgers (a SQLite file, and dynalite for
 * DynamoDB): a failing SQL file fails the run at its step; without it, the retry skips what succeeded; clear
 * starts over. {@code status --json} shows the attribute names and types of SPEC §6.
 */
@ExtendWith(DynaliteExtension.class)
class RetryAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static URI dynalite;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateInput(DynaliteServer server) {
        CliRun.generate(shared.resolve("input"), 300, 7, shared.resolve("state"));
        dynalite = server.endpoint();
    }

    @Test
    void failRetryAndClearOnSqlite() throws Exception {
        story(List.of());
    }

    @Test
    void failRetryAndClearOnDynamoDb() throws Exception {
        List<String> ledger = dynamoDbLedger();
        CliRun refused = run("ledger", "init", ledger);
        assertThat(refused.exitCode()).as("dynalite has no TTL: ledger init without --no-ttl is refused")
                .isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("error: ledger dynamodb:")
                .contains("does not support UpdateTimeToLive").contains("--no-ttl").doesNotContain("\n");
        List<String> initArgs = new ArrayList<>(ledger);
        initArgs.add("--no-ttl");
        CliRun init = run("ledger", "init", initArgs);
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("ledger ready: dynamodb:");
        assertThat(init.err().strip()).startsWith("warning: --no-ttl: TTL on TimeToExist was not enabled")
                .doesNotContain("\n");
        story(ledger);
    }

    @Test
    void clearOfAHeldRunIsRefusedOnDynamoDb() throws Exception {
        List<String> ledger = dynamoDbLedger();
        List<String> initArgs = new ArrayList<>(ledger);
        initArgs.add("--no-ttl");
        assertThat(run("ledger", "init", initArgs).exitCode()).isZero();
        RunKey key = new RunKey("held-1", "MONGO_LATEST");
        // Held by this very process, which is alive, with a lease that has not expired.
        LeaseOwner self = LeaseOwner.current();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LedgerRow held = new LedgerRow(key, "2026-11-20", 1, RunStatus.IN_PROGRESS, "mongo-latest-build",
                self.localClusterId(), "incremental", "/in", "/wh", LedgerRow.timeToExistFor(now),
                new Lease(self.format(), now.plus(Duration.ofHours(1))), now, now, List.of(), List.of(), null, 1);
        try (RunLedger l = DynamoDbLedger.open(ledger.get(1).substring("dynamodb:".length()), dynalite, false)) {
            l.insert(held);
            CliRun cleared = run("clear", "--correlation-id", List.of("held-1", ledger.get(0), ledger.get(1),
                    ledger.get(2), ledger.get(3)));
            assertThat(cleared.exitCode()).as(cleared.out() + cleared.err()).isEqualTo(3);
            assertThat(cleared.err().strip()).isEqualTo("error: run held-1/MONGO_LATEST is held by " + self.format()
                    + "; stop it first (mongo-latest stop)");
            assertThat(cleared.out()).isEmpty();
            assertThat(l.read(key)).contains(held);
        }
    }

    private List<String> dynamoDbLedger() {
        return List.of("--ledger", "dynamodb:ledger-" + UUID.randomUUID().toString().substring(0, 8),
                "--dynamodb-endpoint", dynalite.toString());
    }

    private void story(List<String> ledger) throws Exception {
        Path product = dir.resolve("product");
        assertThat(run("product", "init", List.of(product.toString())).exitCode()).isZero();
        Path fail = product.resolve("steps/mongo-latest-views/99_fail.sql");
        Files.writeString(fail, "SELECT * FROM missing_table_injected;\n");

        CliRun failed = run("run", "--correlation-id", runArgs(product, ledger));
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("mongo-latest-views").contains("missing_table_injected");

        JsonNode status = json(run("status", "--correlation-id", statusArgs(product, ledger)));
        assertSpecAttributes(status);
        assertThat(status.get("Status").asText()).isEqualTo("FAILED");
        assertThat(status.get("CurrentStep").asText()).isEqualTo("mongo-latest-views");
        assertThat(status.get("Run_Id").asLong()).isEqualTo(1);
        long weekFromNow = Instant.now().plus(Duration.ofDays(7)).getEpochSecond();
        assertThat(status.get("TimeToExist").asLong()).isBetween(weekFromNow - 120, weekFromNow + 1);

        Files.delete(fail);
        CliRun plan = run("plan", "--correlation-id", runArgs(product, ledger));
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("would retry as Run_Id 2 from mongo-latest-views")
                .containsPattern("create-mongo-latest-dbs\\s+builtin:create-databases\\s+SKIP\\s+succeeded in an earlier")
                .containsPattern("mongo-latest-build\\s+builtin:build-latest\\s+SKIP")
                .containsPattern("mongo-latest-views\\s+sql\\s+RUN\\s+retry resumes here")
                .containsPattern("courtesy-flush\\s+builtin:courtesy-flush\\s+RUN\\s+always runs");

        CliRun retried = run("run", "--correlation-id", runArgs(product, ledger));
        assertThat(retried.exitCode()).as(retried.out() + retried.err()).isZero();
        JsonNode report = json(run("report", "--correlation-id", reportArgs(product, ledger)));
        assertThat(report.get("Run_Id").asLong()).isEqualTo(2);
        assertThat(report.get("Status").asText()).isEqualTo("COMPLETED");
        assertThat(stepStatus(report, "create-mongo-latest-dbs")).isEqualTo("SKIPPED");
        assertThat(stepStatus(report, "mongo-latest-build")).isEqualTo("SKIPPED");
        assertThat(stepStatus(report, "mongo-latest-views")).isEqualTo("SUCCEEDED");
        assertThat(stepStatus(report, "mongo-latest-publish")).isEqualTo("SUCCEEDED");
        assertThat(report.get("Attempts").get(0).get("Status").asText()).isEqualTo("FAILED");

        JsonNode completed = json(run("status", "--correlation-id", statusArgs(product, ledger)));
        assertSpecAttributes(completed);
        assertThat(completed.get("Run_Id").asLong()).isEqualTo(2);
        assertThat(completed.get("Status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("CurrentStep").asText()).isEqualTo("flush-pushgateway");

        CliRun cleared = run("clear", "--correlation-id", keyArgs(product, ledger));
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(cleared.out()).startsWith("cleared run acceptance-1/MONGO_LATEST (was Run_Id 2, COMPLETED)");
        CliRun statusAfterClear = run("status", "--correlation-id", keyArgs(product, ledger));
        assertThat(statusAfterClear.exitCode()).isEqualTo(2);
        assertThat(statusAfterClear.err()).contains("no run acceptance-1/MONGO_LATEST");
        CliRun clearedAgain = run("clear", "--correlation-id", keyArgs(product, ledger));
        assertThat(clearedAgain.exitCode()).as(clearedAgain.err()).isZero();
        assertThat(clearedAgain.out()).contains("nothing to clear");
        assertThat(run("run", "--correlation-id", runArgs(product, ledger)).exitCode()).isZero();
        assertThat(json(run("status", "--correlation-id", statusArgs(product, ledger))).get("Run_Id").asLong())
                .isEqualTo(1);
    }

    /** The attributes of SPEC §6 with the JSON types of their DynamoDB types: S as text, N as a number. */
    private void assertSpecAttributes(JsonNode row) {
        for (String text : List.of("Correlation_Id", "DataProduct", "Date", "Status", "CurrentStep", "Cluster_Id",
                "Snapshot_Type", "S3_Prefix_Snapshots", "S3_Prefix_Analytical_DataSet")) {
            assertThat(row.has(text) && row.get(text).isTextual()).as(text + " is text in " + row).isTrue();
        }
        for (String number : List.of("Run_Id", "TimeToExist")) {
            assertThat(row.has(number) && row.get(number).isIntegralNumber()).as(number + " is a whole number in " + row)
                    .isTrue();
        }
        assertThat(row.get("Correlation_Id").asText()).isEqualTo("acceptance-1");
        assertThat(row.get("DataProduct").asText()).isEqualTo("MONGO_LATEST");
        assertThat(row.get("Date").asText()).isEqualTo("2026-11-20");
        assertThat(row.get("Snapshot_Type").asText()).isEqualTo("incremental");
        assertThat(row.get("Cluster_Id").asText()).isEqualTo(LeaseOwner.current().localClusterId());
        assertThat(row.get("S3_Prefix_Snapshots").asText()).isEqualTo(shared.resolve("input").toString());
        assertThat(row.get("S3_Prefix_Analytical_DataSet").asText()).isEqualTo(dir.resolve("warehouse").toString());
        assertThat(row.get("Status").asText()).isIn("IN_PROGRESS", "COMPLETED", "FAILED");
    }

    private List<String> runArgs(Path product, List<String> ledger) {
        List<String> a = new ArrayList<>(List.of("acceptance-1", "--export-date", "2026-11-20", "--input",
                shared.resolve("input").toString(), "--warehouse", dir.resolve("warehouse").toString(),
                "--product", product.toString(), "--memory", "512MB", "--threads", "2"));
        a.addAll(ledger);
        return a;
    }

    private List<String> statusArgs(Path product, List<String> ledger) {
        List<String> a = new ArrayList<>(keyArgs(product, ledger));
        a.add("--json");
        return a;
    }

    private List<String> keyArgs(Path product, List<String> ledger) {
        List<String> a = new ArrayList<>(List.of("acceptance-1", "--product", product.toString()));
        a.addAll(ledger);
        return a;
    }

    private List<String> reportArgs(Path product, List<String> ledger) {
        List<String> a = new ArrayList<>(List.of("acceptance-1", "--product", product.toString(), "--format", "json"));
        a.addAll(ledger);
        return a;
    }

    private CliRun run(String command, String option, List<String> rest) {
        List<String> args = new ArrayList<>(List.of(command, option));
        args.addAll(rest);
        return run(args);
    }

    private CliRun run(String command, List<String> rest) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(rest);
        return run(args);
    }

    private CliRun run(List<String> args) {
        args.add("--state-dir");
        args.add(dir.resolve("state").toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    static String stepStatus(JsonNode report, String step) {
        for (JsonNode s : report.get("Steps")) {
            if (s.get("Name").asText().equals(step)) {
                return s.get("Status").asText();
            }
        }
        throw new AssertionError("no step " + step + " in " + report);
    }
}
