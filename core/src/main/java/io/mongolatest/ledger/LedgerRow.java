package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of {@code data_pipeline_metadata}. The first eleven fields are the original system's attributes
 * (SPEC §6) and keep its names in every store; the rest are ours and may be absent on rows the original wrote.
 *
 * @param key           {@code Correlation_Id}, {@code DataProduct}
 * @param date          {@code Date}: the export date
 * @param runId         {@code Run_Id}
 * @param status        {@code Status}
 * @param currentStep   {@code CurrentStep}: the step running, or that failed, or the last one
 * @param clusterId     {@code Cluster_Id}: {@code local-<host>-<pid>} for local runs
 * @param snapshotType  {@code Snapshot_Type}
 * @param snapshotsPrefix {@code S3_Prefix_Snapshots}: input location
 * @param outputPrefix  {@code S3_Prefix_Analytical_DataSet}: output location
 * @param timeToExist   {@code TimeToExist}: expiry for DynamoDB TTL in epoch seconds (milliseconds on
 *                      rows of the original system, see {@link #expiresAt()})
 * @param lease         the current runner's lease, null when none (finished runs, original rows)
 * @param startedAt     when this attempt started, null on original rows
 * @param updatedAt     when this row was last written, null on original rows
 * @param steps         this attempt's step records, in pipeline order
 * @param attempts      earlier attempts, oldest first
 * @param plan          what this attempt decided when it began, for every later step process; null on
 *                      rows written before plans were recorded and on the original system's rows
 * @param version       compare-and-set counter; 0 on rows that never had one
 */
public record LedgerRow(RunKey key, String date, long runId, RunStatus status, String currentStep,
                        String clusterId, String snapshotType, String snapshotsPrefix, String outputPrefix,
                        long timeToExist, Lease lease, Instant startedAt, Instant updatedAt,
                        List<StepRecord> steps, List<Attempt> attempts, RecordedPlan plan, long version) {

    /** How long a row lives after its last write, as in the original. */
    public static final Duration RETENTION = Duration.ofDays(7);

    /** At most this many earlier attempts are kept on a row, oldest dropped first. */
    public static final int MAX_ATTEMPTS_KEPT = 20;

    // Epoch seconds stay below this until the year 5138; epoch millis passed it in 1973.
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    public LedgerRow {
        requireNonNull(key, "key is null");
        requireNonNull(status, "status is null");
        steps = steps == null ? List.of() : List.copyOf(steps);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public static long timeToExistFor(Instant now) {
        return now.plus(RETENTION).getEpochSecond();
    }

    /** The TTL expiry, reading the original's millisecond values correctly. */
    public Instant expiresAt() {
        return timeToExist >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(timeToExist)
                : Instant.ofEpochSecond(timeToExist);
    }

    public Optional<StepRecord> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public LedgerRow withStatus(RunStatus newStatus) {
        return new LedgerRow(key, date, runId, newStatus, currentStep, clusterId, snapshotType, snapshotsPrefix,
                outputPrefix, timeToExist, lease, startedAt, updatedAt, steps, attempts, plan, version);
    }

    public LedgerRow withCurrentStep(String step) {
        return new LedgerRow(key, date, runId, status, step, clusterId, snapshotType, snapshotsPrefix,
                outputPrefix, timeToExist, lease, startedAt, updatedAt, steps, attempts, plan, version);
    }

    public LedgerRow withLease(Lease newLease) {
        return new LedgerRow(key, date, runId, status, currentStep, clusterId, snapshotType, snapshotsPrefix,
                outputPrefix, timeToExist, newLease, startedAt, updatedAt, steps, attempts, plan, version);
    }

    public LedgerRow withPlan(RecordedPlan newPlan) {
        return new LedgerRow(key, date, runId, status, currentStep, clusterId, snapshotType, snapshotsPrefix,
                outputPrefix, timeToExist, lease, startedAt, updatedAt, steps, attempts, newPlan, version);
    }

    public LedgerRow withSteps(List<StepRecord> newSteps) {
        return new LedgerRow(key, date, runId, status, currentStep, clusterId, snapshotType, snapshotsPrefix,
                outputPrefix, timeToExist, lease, startedAt, updatedAt, newSteps, attempts, plan, version);
    }

    /** Replaces the record of the step with the same name, or appends it. */
    public LedgerRow withStep(StepRecord record) {
        List<StepRecord> copy = new ArrayList<>(steps);
        int i = 0;
        while (i < copy.size() && !copy.get(i).name().equals(record.name())) {
            i++;
        }
        if (i < copy.size()) {
            copy.set(i, record);
        } else {
            copy.add(record);
        }
        return withSteps(copy);
    }

    /** The row as the next write will store it: version bumped, written at {@code now}, TTL pushed out. */
    public LedgerRow nextVersion(Instant now) {
        return new LedgerRow(key, date, runId, status, currentStep, clusterId, snapshotType, snapshotsPrefix,
                outputPrefix, timeToExistFor(now), lease, startedAt, now, steps, attempts, plan, version + 1);
    }

    /** This row's attempt, as it will be kept among the earlier attempts of the next one. */
    public Attempt asAttempt() {
        return new Attempt(runId, status, currentStep, clusterId, startedAt, updatedAt, steps);
    }
}
