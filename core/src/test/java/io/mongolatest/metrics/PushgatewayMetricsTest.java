package io.mongolatest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mongolatest.metrics.PushgatewayProcess.Sample;

/** {@link PushgatewayMetrics} against a real Pushgateway, read back through its {@code /metrics}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushgatewayMetricsTest {
    private PushgatewayProcess gateway;

    @BeforeAll
    void startGateway() {
        gateway = PushgatewayProcess.start();
    }

    @AfterAll
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void runningThenCompletedShowsOneThenTwoWithExactlyTheRunLabels() {
        RunLabels run = run("run-completed");
        PushgatewayMetrics metrics = metrics();

        courtesyFlush(metrics, run);
        assertThat(status(run)).containsExactly(new Sample(PushgatewayMetrics.STATUS, labels(run), 1));

        metrics.pushStatus(run, RunState.COMPLETED);
        assertThat(status(run)).containsExactly(new Sample(PushgatewayMetrics.STATUS, labels(run), 2));
    }

    @ParameterizedTest
    @EnumSource(value = RunState.class, names = {"FAILED", "CANCELLED"})
    void finalStatusKeepsTheFiguresOfEveryStep(RunState end) {
        RunLabels run = run("run-" + end.name().toLowerCase());
        PushgatewayMetrics metrics = metrics();
        courtesyFlush(metrics, run);
        metrics.pushStep(run, new StepFigures("courtesy-flush", Duration.ofMillis(15), 0));
        metrics.pushStep(run, new StepFigures("load-snapshots", Duration.ofMillis(2500), 12345));
        assertThat(status(run)).as("a step push keeps the status").extracting(Sample::value).containsExactly(1.0);
        metrics.pushStep(run, new StepFigures("latest-tables", Duration.ofSeconds(61), 678));

        metrics.pushStatus(run, end);

        assertThat(gateway.metricsText()).as("the line a scrape sees").contains(
                "mongo_latest_status{cluster_id=\"local\",component=\"MONGO_LATEST\",correlation_id=\"" + run.correlationId()
                        + "\",export_date=\"2024-03-01\",instance=\"\",job=\"mongo_latest\",snapshot_type=\"full\"} "
                        + end.value() + "\n");
        assertThat(status(run)).containsExactly(new Sample(PushgatewayMetrics.STATUS, labels(run), end.value()));
        assertThat(ofRun(PushgatewayMetrics.STEP_DURATION, run)).as("the status push keeps every step")
                .containsExactlyInAnyOrder(
                        new Sample(PushgatewayMetrics.STEP_DURATION, labels(run, "courtesy-flush"), 0.015),
                        new Sample(PushgatewayMetrics.STEP_DURATION, labels(run, "load-snapshots"), 2.5),
                        new Sample(PushgatewayMetrics.STEP_DURATION, labels(run, "latest-tables"), 61));
        assertThat(ofRun(PushgatewayMetrics.STEP_ROWS, run)).containsExactlyInAnyOrder(
                new Sample(PushgatewayMetrics.STEP_ROWS, labels(run, "courtesy-flush"), 0),
                new Sample(PushgatewayMetrics.STEP_ROWS, labels(run, "load-snapshots"), 12345),
                new Sample(PushgatewayMetrics.STEP_ROWS, labels(run, "latest-tables"), 678));
    }

    @Test
    void aStepPushedAgainReplacesItsFigures() {
        RunLabels run = run("run-step-again");
        PushgatewayMetrics metrics = metrics();
        metrics.pushStep(run, new StepFigures("load", Duration.ofSeconds(1), 10));
        metrics.pushStep(run, new StepFigures("load", Duration.ofSeconds(3), 30));

        assertThat(ofRun(PushgatewayMetrics.STEP_ROWS, run)).containsExactly(
                new Sample(PushgatewayMetrics.STEP_ROWS, labels(run, "load"), 30));
    }

    @Test
    void deleteRunGroupRemovesOnlyThisRun() {
        RunLabels run = run("run-deleted");
        RunLabels other = run("run-kept");
        assertThat(gateway.post("job/other_job/instance/a", "other_metric 7\n")).isEqualTo(200);
        PushgatewayMetrics metrics = metrics();
        metrics.pushStatus(run, RunState.RUNNING);
        metrics.pushStep(run, new StepFigures("load", Duration.ofSeconds(1), 10));
        PushgatewayMetrics otherMetrics = metrics();
        otherMetrics.pushStatus(other, RunState.FAILED);
        assertThat(ofRun(null, run)).isNotEmpty();

        metrics.deleteRunGroup(run);

        assertThat(ofRun(null, run)).as("the group, push times included, is gone").isEmpty();
        assertThat(status(other)).containsExactly(new Sample(PushgatewayMetrics.STATUS, labels(other), 3));
        assertThat(gateway.samples("other_metric")).containsExactly(
                new Sample("other_metric", Map.of("job", "other_job", "instance", "a"), 7));
    }

    @Test
    void theFiguresOfTheFlushStepDoNotBringTheDeletedGroupBack() {
        RunLabels run = run("run-flushed");
        PushgatewayMetrics metrics = metrics();
        metrics.pushStatus(run, RunState.COMPLETED);
        metrics.deleteRunGroup(run);
        metrics.pushStep(run, new StepFigures("flush-pushgateway", Duration.ofMillis(5), 0));
        assertThat(ofRun(null, run)).isEmpty();

        metrics.pushStatus(run, RunState.RUNNING);
        metrics.pushStep(run, new StepFigures("load", Duration.ofSeconds(1), 10));
        assertThat(ofRun(PushgatewayMetrics.STEP_ROWS, run)).extracting(Sample::value).containsExactly(10.0);
    }

    @Test
    void aRetryStartsFromAnEmptyGroup() {
        RunLabels run = run("run-retried");
        PushgatewayMetrics firstAttempt = metrics();
        courtesyFlush(firstAttempt, run);
        firstAttempt.pushStep(run, new StepFigures("load", Duration.ofSeconds(1), 10));
        firstAttempt.pushStatus(run, RunState.FAILED);

        PushgatewayMetrics retry = metrics();
        courtesyFlush(retry, run);

        assertThat(status(run)).extracting(Sample::value).containsExactly(1.0);
        assertThat(ofRun(PushgatewayMetrics.STEP_ROWS, run)).as("no figures of the failed attempt").isEmpty();
    }

    @Test
    void labelValuesAndOddCorrelationIdsSurviveTheRoundTrip() {
        RunLabels dots = new RunLabels("..", "incremental", "2024-03-01", "j-\"quoted\"\\back\nslash");
        RunLabels path = new RunLabels("a/b", "full", "2024-03-01", "local");
        PushgatewayMetrics metrics = metrics();

        metrics.pushStatus(dots, RunState.RUNNING);
        metrics.pushStep(dots, new StepFigures("step \"one\"", Duration.ofMillis(1), 1));
        metrics.pushStatus(path, RunState.COMPLETED);

        assertThat(status(dots)).containsExactly(new Sample(PushgatewayMetrics.STATUS, labels(dots), 1));
        assertThat(ofRun(PushgatewayMetrics.STEP_ROWS, dots)).containsExactly(
                new Sample(PushgatewayMetrics.STEP_ROWS, labels(dots, "step \"one\""), 1));
        assertThat(status(path)).containsExactly(new Sample(PushgatewayMetrics.STATUS, labels(path), 2));
    }

    @Test
    void anInterruptedRunStillPushesItsCancelledStatus() {
        RunLabels run = run("run-interrupted");
        PushgatewayMetrics metrics = metrics();
        Thread.currentThread().interrupt();
        try {
            metrics.pushStatus(run, RunState.CANCELLED);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(status(run)).extracting(Sample::value).containsExactly(4.0);
    }

    @Test
    void describeNamesTheUrl() {
        assertThat(metrics().describe()).isEqualTo(gateway.url().toString());
    }

    @Test
    void wipeNeedsTheAdminApiAndSaysSo() {
        try (PushgatewayProcess plain = PushgatewayProcess.start(PushgatewayProcess.Options.defaults().withoutAdminApi());
                CapturedLog log = new CapturedLog(PushgatewayHttp.class)) {
            PushgatewayMetrics metrics = new PushgatewayMetrics(PushgatewaySettings.of(plain.url().toString()));
            metrics.pushStatus(run("run-no-admin"), RunState.RUNNING);

            metrics.deleteEverything();

            assertThat(log.warnings()).singleElement().asString()
                    .contains("HTTP 404").contains("--web.enable-admin-api");
            assertThat(plain.samples(PushgatewayMetrics.STATUS)).hasSize(1);
        }
    }

    @Test
    void deleteEverythingWipesEveryJob() {
        try (PushgatewayProcess own = PushgatewayProcess.start()) {
            assertThat(own.post("job/other_job", "other_metric 7\n")).isEqualTo(200);
            PushgatewayMetrics metrics = new PushgatewayMetrics(PushgatewaySettings.of(own.url().toString()));
            metrics.pushStatus(run("run-a"), RunState.RUNNING);
            metrics.pushStep(run("run-b"), new StepFigures("load", Duration.ofSeconds(1), 1));
            assertThat(own.samples("push_time_seconds")).hasSize(3);

            metrics.deleteEverything();

            assertThat(own.samples()).noneMatch(s -> s.labels().containsKey("job"));
        }
    }

    /** What the first step of every attempt does: clear the group, then say the run is running. */
    private static void courtesyFlush(StatusMetrics metrics, RunLabels run) {
        metrics.deleteRunGroup(run);
        metrics.pushStatus(run, RunState.RUNNING);
    }

    private PushgatewayMetrics metrics() {
        return new PushgatewayMetrics(PushgatewaySettings.of(gateway.url().toString()));
    }

    private static RunLabels run(String correlationId) {
        return new RunLabels(correlationId, "full", "2024-03-01", "local");
    }

    /** The exact label set a scrape shows: ours plus the job and the empty instance the Pushgateway adds. */
    static Map<String, String> labels(RunLabels run) {
        Map<String, String> labels = new HashMap<>(Map.of(
                "snapshot_type", run.snapshotType(),
                "export_date", run.exportDate(),
                "cluster_id", run.clusterId(),
                "component", "MONGO_LATEST",
                "correlation_id", run.correlationId(),
                "job", "mongo_latest",
                "instance", ""));
        return labels;
    }

    private static Map<String, String> labels(RunLabels run, String step) {
        Map<String, String> labels = labels(run);
        labels.put("step", step);
        return labels;
    }

    private List<Sample> status(RunLabels run) {
        return ofRun(PushgatewayMetrics.STATUS, run);
    }

    /** The samples of one metric (or of any, for null) in this run's group. */
    private List<Sample> ofRun(String name, RunLabels run) {
        return gateway.samples().stream()
                .filter(s -> name == null || s.name().equals(name))
                .filter(s -> run.correlationId().equals(s.labels().get("correlation_id")))
                .toList();
    }
}
