package io.mongolatest.pipeline.exec;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunStatus;
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
import io.mongolatest.pipeline.plan.RunPlanner;

/**
 * {@code step NAME}: one pipeline step in a process of its own, as an EMR step runs it (SPEC §10). A sequence
 * of these, in pipeline order, does what one {@code run} does. The first step of the pipeline begins a new
 * attempt unless the holder of the current one presents itself (a cluster that {@code launch} began it
 * for); every other step continues the attempt the ledger holds, whoever ran its previous step. After a
 * failure of the attempt, later steps do nothing (and say why) except {@code always} ones; a step whose
 * process died is run again in the same attempt.
 */
public final class RunOneStep {
    private RunOneStep() {
    }

    /**
     * How a step process ended.
     *
     * @param status  what the step did in the attempt, or null when it did nothing
     * @param message one line for the operator, or null
     */
    public record StepResult(String step, RunOutcome outcome, StepStatus status, LedgerRow row, String message) {
        public StepResult {
            requireNonNull(step, "step is null");
            requireNonNull(outcome, "outcome is null");
        }
    }

    public static StepResult step(RunSpec spec, RunParts parts, String name, RunListener listener,
                                  Cancellation cancellation) {
        List<StepDefinition> steps = spec.product().pipeline().steps();
        int index = spec.product().pipeline().indexOf(name).orElseThrow(() -> MongoLatestException.user(
                "no step '" + name + "' in the pipeline; its steps are " + steps.stream().map(StepDefinition::name)
                        .toList()));
        Optional<LedgerRow> row = parts.ledger().read(spec.key());
        Instant now = parts.clock().instant();
        if (row.isPresent() && row.get().status() == RunStatus.IN_PROGRESS) {
            LedgerRow r = row.get();
            boolean mine = r.lease() != null && r.lease().owner().equals(parts.identity().owner());
            Optional<String> holder = RunPlanner.liveHolder(r, now);
            if (holder.isPresent() && !mine) {
                return new StepResult(name, RunOutcome.HELD, null, r, "run " + spec.key() + " is held by "
                        + holder.get() + "; not running " + name);
            }
            // The first step begins a new attempt, unless this process's runner holds the current one.
            if (r.plan() != null && (mine || index > 0)) {
                return continueAttempt(spec, parts, name, index, r, listener, cancellation);
            }
        } else if (index > 0) {
            return afterTheAttempt(spec, parts, name, index, row, listener, cancellation);
        }
        if (index > 0) {
            throw MongoLatestException.user("run " + spec.key() + " was left by a runner the ledger cannot describe;"
                    + " run its first step, " + steps.get(0).name() + ", to begin a new attempt");
        }
        BeginRun.Begun begun = BeginRun.begin(spec, parts, listener, cancellation);
        if (begun instanceof BeginRun.Held held) {
            return new StepResult(name, RunOutcome.HELD, null, held.result().row(), held.result().message());
        }
        return runIn(((BeginRun.Started) begun).run(), spec, name, index, listener, cancellation, begun.plan());
    }

    /** The current step's process died while it ran (no later step may go on from it). */
    private static boolean abandonedMidStep(LedgerRow r) {
        return r.step(r.currentStep()).map(s -> s.status() == StepStatus.RUNNING).orElse(true);
    }

    private static StepResult continueAttempt(RunSpec spec, RunParts parts, String name, int index, LedgerRow r,
                                              RunListener listener, Cancellation cancellation) {
        StepRecord record = r.step(name).orElseThrow(() -> MongoLatestException.user("run " + spec.key()
                + " began with another pipeline: it has no step " + name + "; begin it again from its first step"));
        if (record.status().isFinished()) {
            return nothing(name, r, "step " + name + " already ended " + record.status() + " in attempt "
                    + r.runId() + "; nothing to do");
        }
        if (record.status() != StepStatus.RUNNING) {
            // The previous step must have ended: a step process never runs ahead of its predecessor.
            StepDefinition previous = index == 0 ? null : spec.product().pipeline().steps().get(index - 1);
            if (previous != null && !r.step(previous.name()).map(s -> s.status().isFinished()).orElse(false)) {
                if (abandonedMidStep(r) && !holderAlive(r, parts)) {
                    return abandon(spec, parts, name, r, listener, cancellation);
                }
                throw MongoLatestException.user("step " + previous.name() + " of attempt " + r.runId()
                        + " has not ended; run the steps in pipeline order");
            }
        }
        return takeOverAndRun(spec, parts, name, index, r, listener, cancellation);
    }

    private static StepResult takeOverAndRun(RunSpec spec, RunParts parts, String name, int index, LedgerRow r,
                                             RunListener listener, Cancellation cancellation) {
        OpenRun run;
        try {
            run = new OpenRun(spec, parts, takeOver(spec, parts, r, cancellation), listener, cancellation);
        } catch (LedgerConflictException e) {
            return new StepResult(name, RunOutcome.HELD, null, parts.ledger().read(spec.key()).orElse(null),
                    "run " + spec.key() + " was taken by another runner just now; not running " + name);
        }
        return runIn(run, spec, name, index, listener, cancellation, null);
    }

    private static boolean holderAlive(LedgerRow r, RunParts parts) {
        return RunPlanner.liveHolder(r, parts.clock().instant()).isPresent()
                && !r.lease().owner().equals(parts.identity().owner());
    }

    /** A later step finds its predecessor's process dead mid-step: the attempt failed there (as EMR sees it). */
    private static StepResult abandon(RunSpec spec, RunParts parts, String name, LedgerRow r, RunListener listener,
                                      Cancellation cancellation) {
        try (OpenRun run = new OpenRun(spec, parts, takeOver(spec, parts, r, cancellation), listener, cancellation)) {
            run.failed(r.currentStep());
            StepResult then = stepAfterFailure(run, spec, name, listener);
            run.end(null, RunOutcome.FAILED, r.currentStep(), "the process of step " + r.currentStep() + " died");
            return then;
        }
    }

    private static RunSession takeOver(RunSpec spec, RunParts parts, LedgerRow r, Cancellation cancellation) {
        return RunSession.takeOver(parts.ledger(), parts.clock(), spec.options().leaseTtl(), cancellation, r,
                parts.identity().owner());
    }

    /** No attempt in progress: this later step belongs to the one that ended, if any. */
    private static StepResult afterTheAttempt(RunSpec spec, RunParts parts, String name, int index,
                                              Optional<LedgerRow> row, RunListener listener, Cancellation cancellation) {
        if (row.isEmpty()) {
            throw MongoLatestException.user("no run " + spec.key() + " has begun; its first step, "
                    + spec.product().pipeline().steps().get(0).name() + ", begins it");
        }
        LedgerRow r = row.get();
        Optional<StepRecord> record = r.step(name);
        if (r.plan() == null || record.isEmpty() || record.get().status() != StepStatus.NOT_RUN) {
            return nothing(name, r, "run " + spec.key() + " is " + r.status() + " (attempt " + r.runId() + ")"
                    + record.map(x -> ", step " + name + " " + x.status()).orElse("") + "; nothing to do;"
                    + " its first step begins the next attempt");
        }
        boolean cancelled = r.step(r.currentStep()).map(s -> s.status() == StepStatus.CANCELLED).orElse(false);
        StepDefinition step = spec.product().pipeline().steps().get(index);
        boolean runs = r.status() == RunStatus.COMPLETED || r.status() == RunStatus.FAILED && step.always() && !cancelled;
        if (!runs) {
            return nothing(name, r, "attempt " + r.runId() + " " + (cancelled ? "was cancelled" : "failed") + " at "
                    + r.currentStep() + "; step " + name + " of that attempt does nothing");
        }
        return takeOverAndRun(spec, parts, name, index, r, listener, cancellation);
    }

    private static StepResult runIn(OpenRun run, RunSpec spec, String name, int index, RunListener listener,
                                    Cancellation cancellation, Plan plan) {
        try (run) {
            Optional<StepResult> noWarehouse = holdWarehouse(run, name, plan);
            if (noWarehouse.isPresent()) {
                return noWarehouse.get();
            }
            boolean failedBefore = run.row().status() == RunStatus.FAILED;
            StepResult result = failedBefore ? stepAfterFailure(run, spec, name, listener) : stepOf(run, spec, name);
            boolean last = index == spec.product().pipeline().steps().size() - 1;
            if (result.outcome() == RunOutcome.CANCELLED) {
                String at = failedBefore ? run.row().currentStep() : name;
                RunResult end = run.end(plan, RunOutcome.CANCELLED, at, result.message());
                return new StepResult(name, end.outcome(), result.status(), end.row(), end.message());
            }
            if (result.outcome() == RunOutcome.FAILED) {
                run.failed(name);
                RunResult end = run.end(plan, RunOutcome.FAILED, name, result.message());
                return new StepResult(name, RunOutcome.FAILED, result.status(), end.row(), result.message());
            }
            if (last || failedBefore) {
                RunResult end = run.end(plan, RunOutcome.COMPLETED, name, null);
                return new StepResult(name, result.outcome(), result.status(), end.row(), result.message());
            }
            run.handOver();
            return new StepResult(name, result.outcome(), result.status(), run.row(), result.message());
        } catch (LeaseLostException e) {
            return new StepResult(name, RunOutcome.HELD, null, null, e.getMessage());
        }
    }

    /** The warehouse, before the step (see {@link OpenRun#holdWarehouseBefore}). */
    private static Optional<StepResult> holdWarehouse(OpenRun run, String name, Plan plan) {
        if (run.row().status() == RunStatus.FAILED) {
            return Optional.empty(); // only an always step may run, and takes the warehouse if it does
        }
        return run.holdWarehouseBefore(name, plan).map(r -> new StepResult(name, r.outcome(), null, r.row(),
                r.message()));
    }

    private static StepResult stepOf(OpenRun run, RunSpec spec, String name) {
        StepRecord r = run.step(name);
        StepDefinition step = spec.product().pipeline().steps().get(spec.product().pipeline().indexOf(name).orElseThrow());
        return switch (r.status()) {
            case CANCELLED -> new StepResult(name, RunOutcome.CANCELLED, r.status(), run.row(),
                    "step " + name + " " + r.error());
            case FAILED -> step.onFailure() == OnFailure.TERMINATE
                    ? new StepResult(name, RunOutcome.FAILED, r.status(), run.row(), "step " + name + " failed: "
                    + r.error())
                    : new StepResult(name, RunOutcome.COMPLETED, r.status(), run.row(), "step " + name
                    + " failed and is marked on_failure: continue; the run goes on: " + r.error());
            default -> new StepResult(name, RunOutcome.COMPLETED, r.status(), run.row(),
                    r.status() == StepStatus.SKIPPED ? "step " + name + " SKIPPED: " + run.plannedReason(name) : null);
        };
    }

    /** An {@code always} step of an attempt that failed: it runs, and the attempt stays FAILED at its step. */
    private static StepResult stepAfterFailure(OpenRun run, RunSpec spec, String name, RunListener listener) {
        StepRecord r = run.step(name);
        if (r.status() == StepStatus.CANCELLED) {
            return new StepResult(name, RunOutcome.CANCELLED, r.status(), run.row(), "step " + name + " " + r.error());
        }
        if (r.status() == StepStatus.NOT_RUN) {
            return nothing(name, run.row(), "attempt " + run.row().runId() + " failed at " + run.row().currentStep()
                    + "; step " + name + " of that attempt does nothing");
        }
        if (r.status() == StepStatus.FAILED) {
            listener.warning("step " + name + " failed: " + r.error());
        }
        return new StepResult(name, RunOutcome.COMPLETED, r.status(), run.row(), null);
    }

    private static StepResult nothing(String name, LedgerRow row, String why) {
        return new StepResult(name, RunOutcome.COMPLETED, null, row, why);
    }
}
