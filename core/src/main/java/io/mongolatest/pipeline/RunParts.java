package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunnerIdentity;
import io.mongolatest.metrics.StatusMetrics;

/**
 * The outside world of a run, as the caller wired it: ledger, engine, metrics, storage, clock, and who this
 * process runs as.
 */
public record RunParts(RunLedger ledger, SqlEngine engine, EngineSettings engineSettings, StatusMetrics metrics,
                       RunStorage storage, Clock clock, RunnerIdentity identity) {
    public RunParts {
        requireNonNull(ledger, "ledger is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(engineSettings, "engineSettings is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(identity, "identity is null");
    }
}
