package io.mongolatest.pipeline.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;

/**
 * What a run of a key would do now: how it starts, its Run_Id, and each step's decision.
 *
 * @param previous   the ledger row it starts from, or null
 * @param resumeStep the step a retry resumes at, or null
 * @param holder     the lease owner when {@link StartKind#HELD}, else null
 * @param warnings   things the operator should know (e.g. a resume point that names no step)
 */
public record Plan(RunKey key, StartKind start, long runId, LedgerRow previous, String resumeStep, String holder,
                   List<StepPlan> steps, List<String> warnings) {
    public Plan {
        requireNonNull(key, "key is null");
        requireNonNull(start, "start is null");
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }
}
