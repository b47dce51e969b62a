package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ledger.LeaseOwner;
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
        CliRun gen = CliRun.of("generate", "--out", shared.resolve("input").toString(), "--docs", "300", "--seed", "3",
                "--export-date", "2026-11-20", "--state-dir", shared.resolve("gen").toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
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

    @Test
    void aFailedRunLeavesStatus3WithTheOriginalsLabels() throws Exception {
        Path product = dir.resolve("product");
        CliRun.of("product", "init", product.toString());
        Files.writeString(product.resolve("steps/mongo-latest-views/99_fail.sql"), "SELECT * FROM nope_missing;");
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
                .doesNotContain("mongo-latest-publish", "flush-pushgateway");
    }

    @Test
    void aCompletedRunShowsRunningThenCompletedAndIsFlushedAfterTheGrace() throws Exception {
        ChildRun run = ChildRun.start(dir, "run", args("metrics-ok", "--pushgateway-grace", "4s")
                .toArray(String[]::new));
        double seen = 0;
        boolean sawRunning = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (seen != 2.0 && System.nanoTime() < deadline && !run.exitsWithin(20)) {
            List<Sample> s = status("metrics-ok");
            if (!s.isEmpty()) {
                seen = s.get(0).value();
                sawRunning |= seen == 1.0;
            }
        }
        assertThat(sawRunning).as("status 1 seen while running").isTrue();
        assertThat(seen).as("status 2 seen during the grace period").isEqualTo(2.0);
        assertThat(run.await(60)).as(run.err()).isZero();
        assertThat(status("metrics-ok")).isEmpty();
        assertThat(pushgateway.metricsText()).doesNotContain("correlation_id=\"metrics-ok\"");
    }

    @Test
    void aCancelledRunLeavesStatus4() throws Exception {
        ChildRun run = ChildRun.start(dir, "run", args("metrics-cancelled", "--pushgateway-grace", "60s")
                .toArray(String[]::new));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !run.exitsWithin(20)) {
            if (!status("metrics-cancelled").isEmpty() && status("metrics-cancelled").get(0).value() == 1.0) {
                break;
            }
        }
        run.terminate();
        assertThat(run.await(60)).isEqualTo(4);
        assertThat(status("metrics-cancelled")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(4.0));
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
