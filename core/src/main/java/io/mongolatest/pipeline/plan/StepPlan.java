package io.mongolatest.pipeline.plan;

import static java.util.Objects.requireNonNull;

import io.mongolatest.pipeline.model.StepDefinition;

/** The decision for one step, and why. */
public record StepPlan(StepDefinition step, StepAction action, String reason, Fingerprint fingerprint) {
    public StepPlan {
        requireNonNull(step, "step is null");
        requireNonNull(action, "action is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }
}
