package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of the latest attempt, as recorded in the ledger.
 *
 * @param name        step name from pipeline.yaml
 * @param status      what happened in this attempt
 * @param startedAt   null when the step did not start in this attempt
 * @param endedAt     null while running or when it did not start
 * @param rows        rows written, null when not applicable
 * @param error       one-line error, null unless FAILED or CANCELLED
 * @param fingerprint fingerprint of the step's last successful execution (carried over when SKIPPED), or null
 * @param detail      step-specific JSON document (e.g. input accounting), or null
 */
public record StepRecord(String name, StepStatus status, Instant startedAt, Instant endedAt, Long rows,
                         String error, String fingerprint, String detail) {
    public StepRecord {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
    }

    public static StepRecord notRun(String name) {
        return new StepRecord(name, StepStatus.NOT_RUN, null, null, null, null, null, null);
    }

    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }

    public StepRecord withStatus(StepStatus newStatus) {
        return new StepRecord(name, newStatus, startedAt, endedAt, rows, error, fingerprint, detail);
    }
}
