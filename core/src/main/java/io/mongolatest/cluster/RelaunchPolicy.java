package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * When a cluster that terminated with errors is launched again (the original relauncher's settings).
 *
 * @param maxRetries       a failed step is retried while the run's {@code Run_Id} is at most this (the original's
 *                         {@code MAX_RETRY_COUNT}: 2 in production, 0 elsewhere)
 * @param bootstrapRetries extra attempts for clusters that failed before any step started; bounded, so that a
 *                         bootstrap script that always fails does not start clusters forever
 * @param noRetrySteps     steps whose failure is never retried (the original's {@code STEPS_TO_NOT_RETRY})
 */
public record RelaunchPolicy(int maxRetries, int bootstrapRetries, Set<String> noRetrySteps) {
    public RelaunchPolicy {
        if (maxRetries < 0 || bootstrapRetries < 0) {
            throw new IllegalArgumentException("retry counts are negative");
        }
        noRetrySteps = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(noRetrySteps,
                "noRetrySteps is null")));
    }
}
