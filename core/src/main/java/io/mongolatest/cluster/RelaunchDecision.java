package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Whether to launch a failed cluster's run again, the table row that said so and why, in words.
 *
 * @param correlationId the run to relaunch, when the ledger has one for the cluster
 */
public record RelaunchDecision(boolean relaunch, RelaunchRule rule, String reason, Optional<String> correlationId) {
    public RelaunchDecision {
        requireNonNull(rule, "rule is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(correlationId, "correlationId is null");
        if (relaunch && correlationId.isEmpty()) {
            throw new IllegalArgumentException("a relaunch needs the run's correlation id");
        }
    }
}
