package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.metrics.PushgatewayProcess;
import io.mongolatest.metrics.PushgatewayProcess.Sample;

/** Whole runs against a real Pushgateway: what operators see for failed, cancelled and completed runs. */
class MetricsEndToEndTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static PushgatewayProcess pushgateway;

    @BeforeAll
    static void start() {
        CliRun.generate(shared.resolve("input"), 300, 3, shared.resolve("gen"));
        pushgateway = PushgatewayProcess.start();
    }

    @AfterAll
    static void stop() {
        pushgateway.close();
    }

    private List<String> args(String correlationId, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "--correlation-id", correlationId, "--export-date",
                "2026-11-20", "--input", shared.resolve("input").toString(), "--warehouse",
                dir.resolve("warehouse").toString(), "--state-dir", dir.resolve("state").toString(),
                "--pushgateway", pushgateway.url().toString(), "--memory", "512MB"));
        a.addAll(List.of(extra));
        return a;
    }

    private static List<Sample> status(String correlationId) {
        return pushgateway.samples("mongo_latest_status").stream()
                .filter(s -> correlationId.equals(s.labels().get("correlation_id"))).toList();
    }

    private Path productWith(String file, String sql) throws Exception {
        Path product = dir.resolve("product");
        CliRun init = CliRun.of("product", "init", product.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        Files.writeString(product.resolve("steps/mongo-latest-views").resolve(file), sql);
        return product;
    }

    private ChildLedger ledger(String correlationId) {
        return new ChildLedger(dir.resolve("state").resolve("ledger.db"), new RunKey(correlationId, "MONGO_LATEST"));
    }

    private static double onlyStatus(String correlationId) {
        List<Sample> s = status(correlationId);
        assertThat(s).as("one status sample of " + correlationId).hasSize(1);
        return s.get(0).value();
    }

    @Test
    void aFailedRunLeavesStatus3WithTheOriginalsLabels() throws Exception {
        Path product = productWith("99_fail.sql", "SELECT * FROM nope_missing;");
        List<String> a = args("metrics-failed", "--product", product.toString());
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(status("metrics-failed")).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(3.0);
            assertThat(s.labels()).isEqualTo(Map.of("job", "mongo_latest", "instance", "",
                    "correlation_id", "metrics-failed", "snapshot_type", "incremental", "export_date", "2026-11-20",
                    "cluster_id", LeaseOwner.current().localClusterId(), "component", "MONGO_LATEST"));
        });
        assertThat(pushgateway.samples("mongo_latest_step_duration_seconds").stream()
                .filter(s -> "metrics-failed".equals(s.labels().get("correlation_id")))
                .map(s -> s.labels().get("step")))
                .contains("courtesy-flush", "mongo-latest-build", "mongo-latest-views")
                .as("the failed attempt's always step ran and kept the failed status for alerts")
                .contains("flush-pushgateway").doesNotContain("mongo-latest-publish");
    }

    @Test
    void aRunningRunShowsStatus1AndACancelledOneLeaves4() throws Exception {
        // The endless statement holds the run in its views step until it is cancelled.
        Path product = productWith("99_endless.sql",
                "SELECT count(*) FROM range(1000000000000000) a WHERE a.range % 7 = 3;");
        ChildRun run = ChildRun.start(dir, "run", args("metrics-cancelled", "--product", product.toString(),
                "--pushgateway-grace", "60s").toArray(String[]::new));
        ledger("metrics-cancelled").awaitRunning(run, "mongo-latest-views");
        assertThat(onlyStatus("metrics-cancelled")).as("status while running").isEqualTo(1.0);

        run.terminate();
        assertThat(run.await(60)).as(run.err()).isEqualTo(4);
        assertThat(onlyStatus("metrics-cancelled")).isEqualTo(4.0);
    }

    @Test
    void aCompletedRunShowsStatus2DuringTheGraceAndACancelInItKeeps2() throws Exception {
        // A long grace holds the run after completion, until the test cancels it there.
        ChildRun run = ChildRun.start(dir, "run", args("metrics-ok", "--pushgateway-grace", "300s")
                .toArray(String[]::new));
        ledger("metrics-ok").await(run, "the grace period", r -> r.status() == RunStatus.COMPLETED
                && ChildLedger.heldBy(r, run) && "flush-pushgateway".equals(r.currentStep()));
        // Pushed before the last step started, so already there.
        assertThat(onlyStatus("metrics-ok")).as("status during the grace").isEqualTo(2.0);

        run.terminate();
        assertThat(run.await(60)).as("a cancel after completion leaves the run completed: " + run.err()).isZero();
        assertThat(onlyStatus("metrics-ok")).as("the data is complete, and so says the status").isEqualTo(2.0);
    }

    @Test
    void aCompletedRunIsFlushedAfterTheGrace() {
        CliRun r = CliRun.of(args("metrics-flushed", "--pushgateway-grace", "1s").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("waiting 1 s for the final status to be scraped");
        assertThat(status("metrics-flushed")).isEmpty();
        assertThat(pushgateway.metricsText()).doesNotContain("correlation_id=\"metrics-flushed\"");
        assertThat(pushgateway.samples("mongo_latest_step_duration_seconds"))
                .noneMatch(s -> "metrics-flushed".equals(s.labels().get("correlation_id")));
    }

    @Test
    void otherJobsMetricsSurviveARun() {
        assertThat(pushgateway.post("job/other_job", "other_metric 42\n")).isBetween(200, 299);
        CliRun r = CliRun.of(args("metrics-other").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(pushgateway.samples("other_metric")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(42.0));
    }
}
