package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** An earlier attempt of a run, kept on the row when a retry or re-run replaces it. */
public record Attempt(long runId, RunStatus status, String currentStep, String clusterId,
                      Instant startedAt, Instant endedAt, List<StepRecord> steps) {
    public Attempt {
        requireNonNull(status, "status is null");
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
