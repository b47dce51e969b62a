package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What an attempt decided when it began, kept on its ledger row so that every step process (maybe on
 * another machine, maybe days later) runs the same plan over the same input.
 *
 * @param start       how the attempt started: NEW, RETRY or RERUN
 * @param resumeStep  the step a retry resumed at, or null
 * @param inputDigest identity of the input selected at the beginning
 * @param steps       each step's decision, in pipeline order
 */
public record RecordedPlan(String start, String resumeStep, String inputDigest, List<PlannedStep> steps) {
    public RecordedPlan {
        requireNonNull(start, "start is null");
        requireNonNull(inputDigest, "inputDigest is null");
        steps = List.copyOf(steps);
    }

    public Optional<PlannedStep> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * @param action      RUN or SKIP
     * @param reason      why, as {@code plan} shows it
     * @param fingerprint what the step's success will record
     */
    public record PlannedStep(String name, String action, String reason, String fingerprint) {
        public PlannedStep {
            requireNonNull(name, "name is null");
            requireNonNull(action, "action is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(fingerprint, "fingerprint is null");
        }
    }
}
