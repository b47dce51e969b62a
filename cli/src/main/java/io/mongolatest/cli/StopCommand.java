package io.mongolatest.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.mongolatest.cluster.EmrClusters;
import io.mongolatest.cluster.StopClusters;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.exec.StopRuns;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Cancels the live runs of this host (all, or one with --correlation-id): each records itself"
                + " FAILED at its current step, so that the next run resumes there.",
                "Then terminates the active EMR clusters named mongo-latest (all, or the one holding"
                        + " --correlation-id) and records the runs they held FAILED (cancelled) at their current step."
                        + " Clusters are looked at when an AWS region is configured or --emr-endpoint is given, and"
                        + " never with --local-only."})
final class StopCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    RunLookup runs;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "Stop only this run.")
    String correlationId;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for each run to record itself and exit. Default: ${DEFAULT-VALUE}.")
    Duration wait;

    @Option(names = "--emr-endpoint", paramLabel = "URL",
            description = "An EMR-compatible endpoint instead of AWS's (tests). Default: AWS, default region and credentials.")
    URI emrEndpoint;

    @Option(names = "--local-only", description = "Stop only this host's runs; do not look at clusters.")
    boolean localOnly;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() {
        PrintWriter out = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        List<LedgerRow> rows;
        try (RunLedger l = runs.open(common.stateDir())) {
            rows = l.list(runs.dataProduct());
        }
        List<StopRuns.Stopped> results = StopRuns.stop(rows, correlationId, wait, Instant.now(), s -> {
            out.printf("stopping run %s (Run_Id %d, step %s, pid %d)%n", s.key(), s.runId(), s.step(), s.pid());
            out.flush();
        });
        int code = 0;
        for (StopRuns.Stopped s : results) {
            switch (s.outcome()) {
                case STOPPED -> out.println("stopped " + s.key());
                case LEFT_ALONE -> {
                    code = 1;
                    err.println("warning: not stopping run " + s.key() + ": " + s.reason() + "; leaving it alone");
                }
                case STILL_RUNNING -> {
                    code = 1;
                    err.println("error: " + s.key() + " " + s.reason());
                }
            }
        }
        if (results.stream().noneMatch(s -> s.outcome() != StopRuns.Outcome.LEFT_ALONE)) {
            out.println("no live run on this host" + (correlationId == null ? "" : " for " + correlationId)
                    + (results.isEmpty() ? "" : " that is provably a mongo-latest run"));
        }
        if (localOnly) {
            return code;
        }
        if (emrEndpoint == null && !EmrClusters.regionConfigured()) {
            out.println("no AWS region configured: clusters were not looked at (set AWS_REGION, give --emr-endpoint,"
                    + " or say --local-only)");
            return code;
        }
        return Math.max(code, stopClusters(out));
    }

    private int stopClusters(PrintWriter out) {
        List<StopClusters.Terminated> stopped;
        try (EmrClusters emr = EmrClusters.open(emrEndpoint); RunLedger l = runs.open(common.stateDir())) {
            stopped = StopClusters.stop(emr, l, runs.dataProduct(), correlationId, Instant.now());
        }
        for (StopClusters.Terminated t : stopped) {
            out.println("terminated cluster " + t.clusterId() + t.run().map(id -> " of run " + id
                    + (t.runRecorded() ? " (recorded FAILED at its current step)" : "")).orElse(" (no run in the ledger)"));
        }
        if (stopped.isEmpty()) {
            out.println("no active " + StopClusters.NAME + " cluster" + (correlationId == null ? ""
                    : " holding " + correlationId));
        }
        return 0;
    }
}
