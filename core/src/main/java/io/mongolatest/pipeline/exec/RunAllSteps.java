package io.mongolatest.pipeline.exec;

import java.util.Optional;

import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.model.OnFailure;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.pipeline.plan.Plan;

/**
 * {@code run}: begin, then every step of the pipeline in order, then finish, in this one process (SPEC §4).
 * A terminating failure leaves the run FAILED at its step (its {@code always} steps still run); a cancel
 * stops at once and leaves it FAILED (cancelled) at the step it interrupted.
 */
public final class RunAllSteps {
    private RunAllSteps() {
    }

    public static RunResult run(RunSpec spec, RunParts parts, RunListener listener, Cancellation cancellation) {
        BeginRun.Begun begun = BeginRun.begin(spec, parts, listener, cancellation);
        if (begun instanceof BeginRun.Held held) {
            return held.result();
        }
        Plan plan = begun.plan();
        try (OpenRun run = ((BeginRun.Started) begun).run()) {
            Optional<RunResult> noWarehouse = run.holdWarehouseBefore(spec.product().pipeline().steps().get(0).name(), plan);
            if (noWarehouse.isPresent()) {
                return noWarehouse.get();
            }
            String failure = null;
            String failedStep = null;
            for (StepDefinition step : spec.product().pipeline().steps()) {
                if (cancellation.isCancelled()) {
                    return run.end(plan, RunOutcome.CANCELLED, step.name(), "cancelled before step " + step.name()
                            + " started: " + cancellation.reason());
                }
                StepRecord r = run.step(step.name());
                if (r.status() == StepStatus.CANCELLED) {
                    return run.end(plan, RunOutcome.CANCELLED, failedStep == null ? step.name() : failedStep,
                            "step " + step.name() + " " + r.error());
                }
                if (r.status() == StepStatus.FAILED && failure == null && step.onFailure() == OnFailure.TERMINATE) {
                    failedStep = step.name();
                    failure = "step " + step.name() + " failed: " + r.error();
                    run.failed(step.name());
                } else if (r.status() == StepStatus.FAILED) {
                    listener.warning("step " + step.name() + " failed and is marked on_failure: continue;"
                            + " the run goes on: " + r.error());
                }
            }
            return failure == null ? run.end(plan, RunOutcome.COMPLETED, null, null)
                    : run.end(plan, RunOutcome.FAILED, failedStep, failure);
        } catch (LeaseLostException e) {
            return new RunResult(plan, RunOutcome.HELD, null, e.getMessage());
        }
    }
}
