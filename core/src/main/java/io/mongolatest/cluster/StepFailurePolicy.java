package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ActionOnFailure} of each EMR step: one for all steps, and exceptions by step name (the original
 * always continued after a failed {@code flush-pushgateway}).
 */
public record StepFailurePolicy(StepFailureAction defaultAction, Map<String, StepFailureAction> byStep) {
    public StepFailurePolicy {
        requireNonNull(defaultAction, "defaultAction is null");
        byStep = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(byStep, "byStep is null")));
    }

    public StepFailureAction actionFor(String step) {
        return byStep.getOrDefault(requireNonNull(step, "step is null"), defaultAction);
    }
}
