package io.mongolatest.pipeline.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RecordedPlan;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.ledger.WarehouseLeaseRow;
import io.mongolatest.metrics.RunLabels;
import io.mongolatest.metrics.RunState;
import io.mongolatest.metrics.StepFigures;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunEndHook;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.pipeline.model.OnFailure;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.pipeline.plan.Plan;
import io.mongolatest.pipeline.plan.StepAction;
import io.mongolatest.pipeline.sql.SqlStepRunner;

/**
 * An attempt this process holds, between {@code begin} (or taking over from the previous step process) and
 * the end: it runs or skips steps as the recorded plan says, with all their bookkeeping (CurrentStep, the
 * step record, the lease, metrics), marks the run COMPLETED after its last terminating step, and ends it.
 */
public final class OpenRun implements AutoCloseable {
    /** How old a file no table names must be before it is removed: a writer commits long before. */
    static final java.time.Duration ORPHAN_AGE = java.time.Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(OpenRun.class);

    private final RunSpec spec;
    private final RunParts parts;
    private final RunSession session;
    private final RunListener listener;
    private final Cancellation cancellation;
    private final List<StepDefinition> steps;
    private final RecordedPlan plan;
    private final RunLabels labels;
    private final int lastTerminating;
    private EngineSession engine;
    private Cancellation.Registration engineCancel;
    private RunSession warehouse;
    private boolean ended;

    OpenRun(RunSpec spec, RunParts parts, RunSession session, RunListener listener, Cancellation cancellation) {
        this.spec = requireNonNull(spec, "spec is null");
        this.parts = requireNonNull(parts, "parts is null");
        this.session = requireNonNull(session, "session is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.cancellation = requireNonNull(cancellation, "cancellation is null");
        this.steps = spec.product().pipeline().steps();
        LedgerRow row = session.row();
        this.plan = requireNonNull(row.plan(), "the row records no plan");
        // The labels are the attempt's, whichever process of it pushes: same group, same series.
        this.labels = new RunLabels(row.key().correlationId(), row.snapshotType(), row.date(), row.clusterId());
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).onFailure() == OnFailure.TERMINATE) {
                last = i;
            }
        }
        this.lastTerminating = last;
        // A new process of the attempt pushes the whole group again: it starts from what the ledger says.
        parts.metrics().resume(labels, row.status() == RunStatus.IN_PROGRESS ? null : stateOf(row.status()),
                row.steps().stream().filter(s -> s.duration() != null)
                        .map(s -> new StepFigures(s.name(), s.duration(), s.rows() == null ? 0 : s.rows())).toList());
    }

    public LedgerRow row() {
        return session.row();
    }

    public RunLabels labels() {
        return labels;
    }

    /** Why the plan runs or skips {@code name}. */
    public String plannedReason(String name) {
        return plan.step(name).map(RecordedPlan.PlannedStep::reason).orElse("");
    }

    /**
     * Runs or skips {@code name} as the plan says and records it. After a failure of the attempt only
     * {@code always} steps run, without moving CurrentStep; the others stay NOT_RUN.
     */
    public StepRecord step(String name) {
        int index = spec.product().pipeline().indexOf(name)
                .orElseThrow(() -> new IllegalArgumentException("no step " + name));
        StepDefinition step = steps.get(index);
        RecordedPlan.PlannedStep planned = plan.step(name)
                .orElseThrow(() -> new IllegalStateException("the plan names no step " + name));
        boolean attemptFailed = row().status() == RunStatus.FAILED;
        if (attemptFailed && !step.always()) {
            return row().step(name).orElseThrow();
        }
        if (lastTerminating < 0 && row().status() == RunStatus.IN_PROGRESS) {
            complete();
        }
        StepRecord done;
        if (!attemptFailed && StepAction.valueOf(planned.action()) == StepAction.SKIP) {
            done = row().step(name).orElseThrow().withStatus(StepStatus.SKIPPED);
            session.write(r -> r.withStep(done));
            listener.stepFinished(done, index, steps.size());
        } else {
            holdWarehouse();
            done = execute(step, planned, index, !attemptFailed);
        }
        if (index == lastTerminating && done.status().isDone() && row().status() == RunStatus.IN_PROGRESS) {
            complete();
        }
        return done;
    }

    /**
     * Takes the warehouse's writer lease for this run, unless this process holds it already: while another run
     * writes the warehouse this waits, at most {@code --warehouse-wait}. The run's callers take it before its
     * first step, where giving up can still give the run back untouched.
     *
     * @throws MongoLatestException of kind HELD when it could not be had, CANCELLED when cancelled meanwhile
     */
    public void holdWarehouse() {
        if (warehouse != null) {
            return;
        }
        LedgerRow r = row();
        // Output of this attempt, or of an earlier one it continues, is in the warehouse already.
        boolean wroteAlready = plan.steps().stream().anyMatch(s -> StepAction.valueOf(s.action()) == StepAction.SKIP)
                || r.steps().stream().anyMatch(s -> s.status().isFinished());
        warehouse = new WarehouseHold(parts, spec.options().leaseTtl(), spec.options().warehouseWait(), listener,
                cancellation).take(spec.params().warehouse().toString(), r, wroteAlready);
    }

    /**
     * Before {@code step}: the warehouse, or, when it cannot be had (or the run is cancelled while waiting for it),
     * how the run ended. When this process began the attempt ({@code began}, else null) the run goes back as it was
     * before, no attempt spent; in a later step process (a cluster's) the attempt fails at the step, for a retry.
     */
    Optional<RunResult> holdWarehouseBefore(String step, Plan began) {
        try {
            holdWarehouse();
            return Optional.empty();
        } catch (LeaseLostException e) {
            throw e;
        } catch (MongoLatestException e) {
            if (e.kind() != ErrorKind.HELD && e.kind() != ErrorKind.CANCELLED) {
                throw e;
            }
            RunOutcome outcome = e.kind() == ErrorKind.HELD ? RunOutcome.HELD : RunOutcome.CANCELLED;
            if (began != null) {
                giveBack(began.previous());
                return Optional.of(new RunResult(began, outcome, began.previous(), e.getMessage()));
            }
            failed(step);
            return Optional.of(end(null, outcome, step, e.getMessage()));
        }
    }

    private StepRecord execute(StepDefinition step, RecordedPlan.PlannedStep planned, int index, boolean moveCurrent) {
        Instant start = parts.clock().instant();
        StepRecord earlier = row().step(step.name()).orElseThrow();
        StepRecord running = new StepRecord(step.name(), StepStatus.RUNNING, start, null, null, null,
                earlier.fingerprint(), null);
        session.write(r -> (moveCurrent ? r.withCurrentStep(step.name()) : r).withStep(running));
        listener.stepStarted(step, index, steps.size());
        // The product's SQL confines its session for good (SqlStepRunner): it gets one of its own, and the
        // builtins after it another.
        boolean ownSession = step.isSql();
        if (ownSession) {
            closeEngine();
        }
        StepContext ctx = new StepContext(step, spec.params(), spec.product(), engines(), parts.storage(),
                parts.metrics(), labels, cancellation, () -> parts.ledger().list(spec.product().pipeline().dataProduct()),
                listener, spec.options(), row().status(), this::recordedInput);
        StepRecord done;
        try {
            StepOutcome out = (step.isSql() ? new SqlStepRunner() : builtin(step)).run(ctx);
            done = new StepRecord(step.name(), StepStatus.SUCCEEDED, start, parts.clock().instant(), out.rows(), null,
                    planned.fingerprint(), out.detail());
        } catch (LeaseLostException e) {
            throw e;
        } catch (Exception e) {
            boolean cancelled = cancellation.isCancelled() || e instanceof SqlFailure f && f.interrupted();
            String error = e instanceof MongoLatestException ? e.getMessage() : e.toString();
            if (e instanceof MongoLatestException) {
                LOG.info("step {} failed: {}", step.name(), error, e);
            } else {
                LOG.error("step {} failed", step.name(), e);
            }
            // A cancelled step's own error is only the echo of the interruption.
            done = new StepRecord(step.name(), cancelled ? StepStatus.CANCELLED : StepStatus.FAILED, start,
                    parts.clock().instant(), null, cancelled ? "cancelled: " + reason() : error,
                    earlier.fingerprint(), null);
        } finally {
            if (ownSession) {
                closeEngine();
            }
        }
        StepRecord finished = done;
        session.write(r -> r.withStep(finished));
        parts.metrics().pushStep(labels, new StepFigures(step.name(), Duration.between(start, finished.endedAt()),
                finished.rows() == null ? 0 : finished.rows()));
        listener.stepFinished(finished, index, steps.size());
        return finished;
    }

    private BuiltinStep builtin(StepDefinition step) {
        BuiltinStep b = spec.logic().builtins().get(step.builtin());
        if (b == null) {
            throw MongoLatestException.user("no builtin step '" + step.builtin() + "' in this build");
        }
        return b;
    }

    private byte[] recordedInput() {
        return RunRecords.read(parts.storage().tables().files(),
                RunRecords.inputRecord(spec.params().correlationId(), plan.inputDigest()));
    }

    /** The engine session, opened when a step first needs it and interrupted by a cancel. */
    private Supplier<EngineSession> engines() {
        return () -> {
            if (engine == null) {
                engine = parts.engine().open(parts.engineSettings(), parts.storage().tables());
                engineCancel = cancellation.onCancel(engine::cancel);
            }
            return engine;
        };
    }

    private void closeEngine() {
        if (engineCancel != null) {
            engineCancel.close();
            engineCancel = null;
        }
        if (engine != null) {
            EngineSession open = engine;
            engine = null;
            open.close();
        }
    }

    private String reason() {
        return cancellation.reason() == null ? "interrupted" : cancellation.reason();
    }

    private void complete() {
        session.write(r -> r.withStatus(RunStatus.COMPLETED));
        parts.metrics().pushStatus(labels, RunState.COMPLETED);
    }

    /** A terminating step failed: the attempt is FAILED at it (resumable there); its always steps may still run. */
    public void failed(String step) {
        session.write(r -> r.withStatus(RunStatus.FAILED).withCurrentStep(step));
        parts.metrics().pushStatus(labels, RunState.FAILED);
    }

    /**
     * The last write of the attempt: the lease is released. A cancel after the run had completed leaves it
     * COMPLETED; any other cancel records FAILED at {@code step} so that a retry resumes there.
     */
    public RunResult end(Plan plan, RunOutcome outcome, String step, String message) {
        if (session.lost()) {
            throw new LeaseLostException("run " + spec.key() + " was taken over by another runner");
        }
        ended = true;
        if (outcome == RunOutcome.CANCELLED && row().status() == RunStatus.COMPLETED) {
            LedgerRow last = session.finish(r -> r);
            return new RunResult(plan, RunOutcome.COMPLETED, last, message
                    + "; the run had completed before, so its output is complete and nothing needs to be resumed");
        }
        if (outcome == RunOutcome.CANCELLED) {
            LedgerRow last = session.finish(r -> r.withStatus(RunStatus.FAILED).withCurrentStep(step));
            parts.metrics().pushStatus(labels, RunState.CANCELLED);
            return new RunResult(plan, outcome, last, message);
        }
        LedgerRow last = session.finish(r -> r);
        return new RunResult(plan, outcome, last, message);
    }

    /** The attempt goes on in {@code holder} (a cluster): it holds the run until {@code until}, renewing it. */
    public LedgerRow assignTo(io.mongolatest.ledger.RunnerIdentity holder, Instant until) {
        return session.assignTo(holder, until);
    }

    /** What was to run the attempt never started: the row goes back to {@code before} (null: there was none). */
    public void giveBack(LedgerRow before) {
        session.giveBack(before);
        releaseWarehouse();
    }

    /**
     * This process is done with the attempt, which goes on in the next step process: the warehouse stays the
     * run's, with a full lease term, for that process to take on.
     */
    public void handOver() {
        session.handOver();
        if (warehouse != null) {
            warehouse.handOver();
            warehouse = null;
        }
    }

    static RunResult held(Plan plan, LedgerRow row) {
        String holder = row == null ? "another runner"
                : row.lease() != null ? row.lease().owner() + " (lease until " + row.lease().expiresAt() + ")"
                : row.clusterId() == null ? "a runner that left no lease" : row.clusterId() + " (no lease)";
        return new RunResult(plan, RunOutcome.HELD, row, "run " + plan.key() + " is held by " + holder
                + "; not starting a second runner");
    }

    private static RunState stateOf(RunStatus status) {
        return status == RunStatus.COMPLETED ? RunState.COMPLETED : RunState.FAILED;
    }

    /** Closes the engine session; after the attempt's end, the product brings the warehouse up to date. */
    @Override
    public void close() {
        closeEngine();
        session.close();
        try {
            if (ended) {
                runEnded();
            }
        } finally {
            if (ended) {
                releaseWarehouse();
            } else if (warehouse != null) {
                // Left without an end (the run was lost): the lease lapses, at once if this process is gone.
                warehouse.close();
            }
        }
    }

    /** The next run may write the warehouse now; this run stays named as its last writer. */
    private void releaseWarehouse() {
        if (warehouse == null) {
            return;
        }
        RunSession held = warehouse;
        warehouse = null;
        try {
            held.finish(WarehouseLeaseRow::released);
        } catch (RuntimeException e) {
            // Unreleased, it lapses with its term (at once for a local process that has ended).
            LOG.info("releasing the warehouse lease failed", e);
            listener.warning("could not release the warehouse lease: " + e.getMessage());
        }
    }

    /**
     * The hook gets a session of its own: the run's may have been cancelled, and refuses statements then. Then the
     * warehouse's files no table names any more (superseded, dropped, or written by a run that failed) are removed
     * once older than the safety age, well clear of any commit.
     */
    private void runEnded() {
        try {
            holdWarehouse();
        } catch (MongoLatestException e) {
            listener.warning("could not bring the run's final state into the warehouse: " + e.getMessage());
            return;
        }
        removeOrphans();
        RunEndHook hook = spec.logic().runEndHook();
        if (hook == RunEndHook.NONE) {
            return;
        }
        try (EngineSession s = parts.engine().open(parts.engineSettings(), parts.storage().tables())) {
            hook.runEnded(s, parts.storage().tables(), spec.params(),
                    parts.ledger().list(spec.product().pipeline().dataProduct()));
        } catch (RuntimeException e) {
            LOG.info("the end-of-run hook failed", e);
            listener.warning("could not bring the run's final state into the warehouse: " + e.getMessage());
        }
    }

    private void removeOrphans() {
        try {
            int n = parts.storage().tables().removeOrphans(parts.clock().instant().minus(ORPHAN_AGE)).size();
            if (n > 0) {
                LOG.info("removed {} files of the warehouse that no table names, older than {}", n, ORPHAN_AGE);
            }
        } catch (RuntimeException e) {
            LOG.info("removing the warehouse's unused files failed", e);
            listener.warning("could not remove the warehouse's unused files: " + e.getMessage());
        }
    }
}
