package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;

import io.mongolatest.metrics.PrometheusText.Label;

/**
 * Run status and step figures on a Prometheus Pushgateway (SPEC §8): job {@value #JOB}, one group per run
 * keyed by {@code correlation_id}. See docs/metrics.md for the series.
 *
 * <p>A POST replaces every series of each family it carries, so this keeps what the run pushed so far and
 * sends all of it each time: a step push keeps the status and the other steps, and a status push keeps the
 * steps. One instance per run. Every method is best effort (see {@link PushgatewayHttp}) and never throws.
 */
public final class PushgatewayMetrics implements StatusMetrics {
    public static final String JOB = "mongo_latest";
    public static final String STATUS = "mongo_latest_status";
    public static final String STEP_DURATION = "mongo_latest_step_duration_seconds";
    public static final String STEP_ROWS = "mongo_latest_step_rows";
    public static final String COMPONENT = "MONGO_LATEST";

    private static final String STATUS_HELP = "Run status: 1 running, 2 completed, 3 failed, 4 cancelled.";
    private static final String DURATION_HELP = "Wall-clock time a finished step took, in seconds.";
    private static final String ROWS_HELP = "Rows a finished step wrote.";

    /** What this instance pushed for one run, as the group should hold it; status is null until pushed. */
    private record RunFigures(RunLabels labels, RunState status, Map<String, StepFigures> steps) {
        RunFigures withLabels(RunLabels newLabels) {
            return new RunFigures(newLabels, status, steps);
        }

        RunFigures withStatus(RunState newStatus) {
            return new RunFigures(labels, newStatus, steps);
        }

        RunFigures withStep(StepFigures figures) {
            Map<String, StepFigures> more = new LinkedHashMap<>(steps);
            more.put(figures.step(), figures);
            return new RunFigures(labels, status, more);
        }
    }

    private final PushgatewaySettings settings;
    private final PushgatewayHttp http;
    /** By correlation id, the grouping key. */
    private final Map<String, RunFigures> runs = new HashMap<>();
    /** Runs whose group was deleted and has no status since: a step push must not bring the group back. */
    private final Set<String> deleted = new HashSet<>();
    private boolean wiped;

    public PushgatewayMetrics(PushgatewaySettings settings) {
        this(settings, null);
    }

    /** With a TLS context of its own (tests with a private certificate); null for the JVM default. */
    PushgatewayMetrics(PushgatewaySettings settings, SSLContext sslContext) {
        this.settings = requireNonNull(settings, "settings is null");
        this.http = new PushgatewayHttp(settings, sslContext);
    }

    @Override
    public synchronized void deleteRunGroup(RunLabels run) {
        requireNonNull(run, "run is null");
        runs.remove(run.correlationId());
        deleted.add(run.correlationId());
        http.send("DELETE", groupUri(run.correlationId()), null, "delete the group of run " + run.correlationId());
    }

    @Override
    public synchronized void deleteEverything() {
        runs.clear();
        wiped = true;
        http.send("PUT", URI.create(settings.url() + "/api/v1/admin/wipe"), null,
                "wipe every group (the wipe needs a Pushgateway started with --web.enable-admin-api)");
    }

    @Override
    public synchronized void pushStatus(RunLabels run, RunState state) {
        requireNonNull(state, "state is null");
        deleted.remove(run.correlationId());
        wiped = false;
        push(figuresOf(run).withStatus(state), "push status " + state + " of run " + run.correlationId());
    }

    @Override
    public synchronized void resume(RunLabels run, RunState status, List<StepFigures> steps) {
        requireNonNull(run, "run is null");
        Map<String, StepFigures> byStep = new LinkedHashMap<>();
        steps.forEach(s -> byStep.put(s.step(), s));
        // Running unless told otherwise: an attempt in progress has announced itself with status 1.
        runs.put(run.correlationId(), new RunFigures(run, status == null ? RunState.RUNNING : status, byStep));
    }

    @Override
    public synchronized void pushStep(RunLabels run, StepFigures figures) {
        requireNonNull(figures, "figures is null");
        if (wiped || deleted.contains(run.correlationId())) {
            return; // the flush at the end of a run deleted the group; its own figures would recreate it
        }
        push(figuresOf(run).withStep(figures), "push figures of step " + figures.step() + " of run "
                + run.correlationId());
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public String toString() {
        return "PushgatewayMetrics[" + describe() + "]";
    }

    private RunFigures figuresOf(RunLabels run) {
        requireNonNull(run, "run is null");
        RunFigures known = runs.get(run.correlationId());
        // Same group, new labels (e.g. the cluster id became known): every series is rewritten with them.
        return known == null ? new RunFigures(run, null, Map.of()) : known.withLabels(run);
    }

    private void push(RunFigures figures, String what) {
        runs.put(figures.labels().correlationId(), figures);
        http.send("POST", groupUri(figures.labels().correlationId()), text(figures), what);
    }

    /** The whole group: status if known, and both step families with every step so far. */
    private static String text(RunFigures figures) {
        List<Label> run = runLabels(figures.labels());
        PrometheusText text = new PrometheusText();
        if (figures.status() != null) {
            text.gauge(STATUS, STATUS_HELP).sample(STATUS, run, figures.status().value());
        }
        if (!figures.steps().isEmpty()) {
            text.gauge(STEP_DURATION, DURATION_HELP);
            figures.steps().values().forEach(step ->
                    text.sample(STEP_DURATION, stepLabels(run, step), step.duration().toNanos() / 1e9));
            text.gauge(STEP_ROWS, ROWS_HELP);
            figures.steps().values().forEach(step -> text.sample(STEP_ROWS, stepLabels(run, step), step.rows()));
        }
        return text.toString();
    }

    private static List<Label> runLabels(RunLabels run) {
        return List.of(
                new Label("snapshot_type", run.snapshotType()),
                new Label("export_date", run.exportDate()),
                new Label("cluster_id", run.clusterId()),
                new Label("component", COMPONENT),
                new Label("correlation_id", run.correlationId()));
    }

    private static List<Label> stepLabels(List<Label> run, StepFigures step) {
        List<Label> labels = new ArrayList<>(run);
        labels.add(new Label("step", step.step()));
        return labels;
    }

    /**
     * {@code <base>/metrics/job/mongo_latest/correlation_id@base64/<id>}: the Pushgateway's base64 form keeps
     * any id (even "." or "..", which a plain path segment would turn into a different path) one segment.
     */
    URI groupUri(String correlationId) {
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(correlationId.getBytes(StandardCharsets.UTF_8));
        // The Pushgateway reads "=" as the empty value; an empty segment would be no value at all.
        return URI.create(settings.url() + "/metrics/job/" + JOB + "/correlation_id@base64/"
                + (encoded.isEmpty() ? "=" : encoded));
    }
}
