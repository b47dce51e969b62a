package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.pipeline.plan.Plan;

/**
 * The end of a run.
 *
 * @param plan    the plan this process made, or null when it ended an attempt another process began
 *
 * @param row     the ledger row as this run left it; null when it never got the run
 * @param message one line for the operator: what failed, who holds the run, ...; null when completed
 */
public record RunResult(Plan plan, RunOutcome outcome, LedgerRow row, String message) {
    public RunResult {
        requireNonNull(outcome, "outcome is null");
    }
}
