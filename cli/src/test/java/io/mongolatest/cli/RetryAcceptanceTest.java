package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ledger.DynamoDbLocalServer;

/**
 * The retry story of issue 2, through the command line, on both ledgers: a failing SQL file fails the run
 * at its step; without it, the retry skips what succeeded; clear starts over.
 */
class RetryAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DynamoDbLocalServer dynamo;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateInputAndStartDynamoDb() throws Exception {
        CliRun gen = CliRun.of("generate", "--out", shared.resolve("input").toString(), "--docs", "300", "--seed", "7",
                "--export-date", "2026-11-20", "--state-dir", shared.resolve("state").toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        dynamo = DynamoDbLocalServer.start();
    }

    @AfterAll
    static void stopDynamoDb() throws Exception {
        dynamo.close();
    }

    @Test
    void failRetryAndClearOnSqlite() throws Exception {
        story(List.of());
    }

    @Test
    void failRetryAndClearOnDynamoDb() throws Exception {
        List<String> ledger = List.of("--ledger", "dynamodb:ledger-" + UUID.randomUUID().toString().substring(0, 8),
                "--dynamodb-endpoint", dynamo.endpoint().toString());
        CliRun init = run("ledger", "init", ledger);
        assertThat(init.exitCode()).as(init.err()).isZero();
        story(ledger);
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

        CliRun cleared = run("clear", "--correlation-id", keyArgs(product, ledger));
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(run("run", "--correlation-id", runArgs(product, ledger)).exitCode()).isZero();
        assertThat(json(run("status", "--correlation-id", statusArgs(product, ledger))).get("Run_Id").asLong())
                .isEqualTo(1);
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

    private static String stepStatus(JsonNode report, String step) {
        for (JsonNode s : report.get("Steps")) {
            if (s.get("Name").asText().equals(step)) {
                return s.get("Status").asText();
            }
        }
        throw new AssertionError("no step " + step + " in " + report);
    }
}
