package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.StepStatus;

/**
 * What the ledger says of the run a failed cluster held, as far as the relaunch decision needs it.
 *
 * @param runId        {@code Run_Id} of the attempt the cluster ran
 * @param currentStep  {@code CurrentStep}: on a step failure, the step that failed
 * @param clusterId    {@code Cluster_Id}: the run's current holder
 * @param stepsStarted whether any step of this attempt started (false after a bootstrap failure)
 */
public record RunView(String correlationId, long runId, RunStatus status, Optional<String> currentStep,
                      String clusterId, boolean stepsStarted) {
    public RunView {
        requireNonNull(correlationId, "correlationId is null");
        requireNonNull(status, "status is null");
        requireNonNull(currentStep, "currentStep is null");
        requireNonNull(clusterId, "clusterId is null");
    }

    public static RunView of(LedgerRow row) {
        boolean started = row.steps().stream().anyMatch(s -> s.startedAt() != null && s.status() != StepStatus.SKIPPED);
        return new RunView(row.key().correlationId(), row.runId(), row.status(),
                Optional.ofNullable(row.currentStep()).filter(s -> !s.isBlank()),
                row.clusterId() == null ? "" : row.clusterId(), started);
    }
}
