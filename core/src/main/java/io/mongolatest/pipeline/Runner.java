package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.ledger.Attempt;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.metrics.RunLabels;
import io.mongolatest.metrics.RunState;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.metrics.StepFigures;

/**
 * The run state machine of SPEC §4: takes the run in the ledger, runs or skips each step as planned,
 * records every step as it starts and ends, and leaves the row FAILED (resumable) or COMPLETED.
 */
public final class Runner {
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

    private final RunLedger ledger;
    private final SqlEngine engine;
    private final EngineSettings engineSettings;
    private final Map<String, BuiltinStep> builtins;
    private final StatusMetrics metrics;
    private final Clock clock;
    private final LeaseOwner owner;
    private final RunEndHook endHook;

    public Runner(RunLedger ledger, SqlEngine engine, EngineSettings engineSettings, Map<String, BuiltinStep> builtins,
                  StatusMetrics metrics, Clock clock, LeaseOwner owner) {
        this(ledger, engine, engineSettings, builtins, metrics, clock, owner, RunEndHook.NONE);
    }

    public Runner(RunLedger ledger, SqlEngine engine, EngineSettings engineSettings, Map<String, BuiltinStep> builtins,
                  StatusMetrics metrics, Clock clock, LeaseOwner owner, RunEndHook endHook) {
        this.endHook = requireNonNull(endHook, "endHook is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.engineSettings = requireNonNull(engineSettings, "engineSettings is null");
        this.builtins = Map.copyOf(builtins);
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    public RunResult run(ProductPackage product, RunParameters params, RunOptions options, String inputDigest,
                         RunListener listener, Cancellation cancellation) {
        RunPlanner planner = new RunPlanner(product, params, inputDigest);
        RunKey key = planner.key();
        Plan plan = planner.plan(ledger.read(key), clock.instant());
        if (plan.start() == StartKind.HELD) {
            return held(plan, plan.previous());
        }
        plan.warnings().forEach(listener::warning);
        LedgerRow first = firstRow(plan, params, options);
        RunSession session;
        try {
            session = RunSession.take(ledger, clock, options.leaseTtl(), cancellation, plan.previous(), first);
        } catch (LedgerConflictException e) {
            return held(plan, ledger.read(key).orElse(null));
        }
        listener.runStarted(plan);
        RunResult result;
        try (session) {
            result = new Execution(plan, params, product, options, session, listener, cancellation).run();
        } catch (LeaseLostException e) {
            return new RunResult(plan, RunOutcome.HELD, null, e.getMessage());
        }
        runEnded(product, params, listener);
        return result;
    }

    /** The hook gets a session of its own: the run's may have been cancelled, and refuses statements then. */
    private void runEnded(ProductPackage product, RunParameters params, RunListener listener) {
        if (endHook == RunEndHook.NONE) {
            return;
        }
        try (EngineSession s = engine.open(engineSettings)) {
            endHook.runEnded(s, params, ledger.list(product.pipeline().dataProduct()));
        } catch (RuntimeException e) {
            LOG.info("the end-of-run hook failed", e);
            listener.warning("could not bring the run's final state into the warehouse: " + e.getMessage());
        }
    }

    private RunResult held(Plan plan, LedgerRow row) {
        String holder = row == null ? "another runner"
                : row.lease() != null ? row.lease().owner() + " (lease until " + row.lease().expiresAt() + ")"
                : row.clusterId() == null ? "a runner that left no lease" : row.clusterId() + " (no lease)";
        return new RunResult(plan, RunOutcome.HELD, row, "run " + plan.key() + " is held by " + holder
                + "; not starting a second runner");
    }

    private LedgerRow firstRow(Plan plan, RunParameters params, RunOptions options) {
        Instant now = clock.instant();
        LedgerRow prev = plan.previous();
        List<StepRecord> steps = new ArrayList<>();
        for (StepPlan sp : plan.steps()) {
            String earlier = prev == null ? null : prev.step(sp.step().name()).map(StepRecord::fingerprint).orElse(null);
            steps.add(new StepRecord(sp.step().name(), StepStatus.NOT_RUN, null, null, null, null, earlier, null));
        }
        List<Attempt> attempts = new ArrayList<>();
        if (prev != null) {
            attempts.addAll(prev.attempts());
            attempts.add(prev.asAttempt());
        }
        while (attempts.size() > LedgerRow.MAX_ATTEMPTS_KEPT) {
            attempts.remove(0);
        }
        String startStep = plan.steps().stream().filter(s -> s.action() == StepAction.RUN).findFirst()
                .map(s -> s.step().name()).orElse(plan.steps().get(0).step().name());
        return new LedgerRow(plan.key(), params.exportDate().toString(), plan.runId(), RunStatus.IN_PROGRESS,
                startStep, owner.localClusterId(), params.snapshotType().label(), params.input().toString(),
                params.warehouse().toString(), LedgerRow.timeToExistFor(now),
                new Lease(owner.format(), now.plus(options.leaseTtl())), now, now, steps, attempts,
                prev == null ? 0 : prev.version()).nextVersion(now);
    }

    /** One attempt of a run, from the lease taken to the last write. */
    private final class Execution {
        private final Plan plan;
        private final RunParameters params;
        private final ProductPackage product;
        private final RunOptions options;
        private final RunSession session;
        private final RunListener listener;
        private final Cancellation cancellation;
        private final RunLabels labels;

        Execution(Plan plan, RunParameters params, ProductPackage product, RunOptions options, RunSession session,
                RunListener listener, Cancellation cancellation) {
            this.plan = plan;
            this.params = params;
            this.product = product;
            this.options = options;
            this.session = session;
            this.listener = listener;
            this.cancellation = cancellation;
            this.labels = new RunLabels(params.correlationId(), params.snapshotType().label(),
                    params.exportDate().toString(), owner.localClusterId());
        }

        @SuppressWarnings("try") // the registration is held for its close, not used in the body
        RunResult run() {
            List<StepPlan> steps = plan.steps();
            int lastTerminating = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).step().onFailure() == OnFailure.TERMINATE) {
                    lastTerminating = i;
                }
            }
            EngineSession engineSession;
            try {
                engineSession = engine.open(engineSettings);
            } catch (MongoLatestException e) {
                return end(session.row().currentStep(), false, e.getMessage());
            }
            try (engineSession; Cancellation.Registration hook = cancellation.onCancel(engineSession::cancel)) {
                if (lastTerminating < 0) {
                    complete();
                }
                for (int i = 0; i < steps.size(); i++) {
                    StepPlan sp = steps.get(i);
                    StepDefinition step = sp.step();
                    if (cancellation.isCancelled()) {
                        return stopped(step.name(), "cancelled before step " + step.name() + " started: "
                                + cancellation.reason());
                    }
                    if (sp.action() == StepAction.SKIP) {
                        StepRecord skipped = session.row().step(step.name()).orElseThrow()
                                .withStatus(StepStatus.SKIPPED);
                        session.write(r -> r.withStep(skipped));
                        listener.stepFinished(skipped, i, steps.size());
                    } else {
                        StepRecord rec = runStep(sp, engineSession, i, steps.size());
                        if (rec.status() == StepStatus.CANCELLED) {
                            return stopped(step.name(), "step " + step.name() + " " + rec.error());
                        }
                        if (rec.status() == StepStatus.FAILED && step.onFailure() == OnFailure.TERMINATE) {
                            return end(step.name(), false, "step " + step.name() + " failed: " + rec.error());
                        }
                        if (rec.status() == StepStatus.FAILED) {
                            listener.warning("step " + step.name() + " failed and is marked on_failure: continue;"
                                    + " the run goes on: " + rec.error());
                        }
                    }
                    if (i == lastTerminating) {
                        complete();
                    }
                }
                LedgerRow last = session.finish(r -> r);
                return new RunResult(plan, RunOutcome.COMPLETED, last, null);
            }
        }

        private StepRecord runStep(StepPlan sp, EngineSession engineSession, int index, int total) {
            StepDefinition step = sp.step();
            Instant start = clock.instant();
            StepRecord earlier = session.row().step(step.name()).orElseThrow();
            StepRecord running = new StepRecord(step.name(), StepStatus.RUNNING, start, null, null, null,
                    earlier.fingerprint(), null);
            session.write(r -> r.withCurrentStep(step.name()).withStep(running));
            listener.stepStarted(step, index, total);
            StepContext ctx = new StepContext(step, params, product, engineSession, metrics, labels, cancellation,
                    () -> ledger.list(product.pipeline().dataProduct()), listener, options);
            StepRecord done;
            try {
                StepOutcome out = (step.isSql() ? new SqlStepRunner() : builtins.get(step.builtin())).run(ctx);
                done = new StepRecord(step.name(), StepStatus.SUCCEEDED, start, clock.instant(), out.rows(), null,
                        sp.fingerprint().format(), out.detail());
            } catch (LeaseLostException e) {
                throw e;
            } catch (Exception e) {
                boolean cancelled = cancellation.isCancelled()
                        || e instanceof SqlFailure f && f.interrupted();
                String error = e instanceof MongoLatestException ? e.getMessage() : e.toString();
                if (!(e instanceof MongoLatestException)) {
                    LOG.error("step {} failed", step.name(), e);
                } else {
                    LOG.info("step {} failed: {}", step.name(), error, e);
                }
                // A cancelled step's own error is only the echo of the interruption.
                done = new StepRecord(step.name(), cancelled ? StepStatus.CANCELLED : StepStatus.FAILED, start,
                        clock.instant(), null, cancelled ? "cancelled: " + reason() : error,
                        earlier.fingerprint(), null);
            }
            StepRecord finished = done;
            session.write(r -> r.withStep(finished));
            metrics.pushStep(labels, new StepFigures(step.name(), Duration.between(start, finished.endedAt()),
                    finished.rows() == null ? 0 : finished.rows()));
            listener.stepFinished(finished, index, total);
            return finished;
        }

        private String reason() {
            return cancellation.reason() == null ? "interrupted" : cancellation.reason();
        }

        private void complete() {
            session.write(r -> r.withStatus(RunStatus.COMPLETED));
            metrics.pushStatus(labels, RunState.COMPLETED);
        }

        private RunResult stopped(String step, String message) {
            if (session.lost()) {
                throw new LeaseLostException("run " + plan.key() + " was taken over by another runner");
            }
            if (session.row().status() == RunStatus.COMPLETED) {
                // Cancelled in the housekeeping after completion: the data is complete and stays so, and
                // running again would rebuild everything: this is a completed run, said as such.
                LedgerRow last = session.finish(r -> r);
                return new RunResult(plan, RunOutcome.COMPLETED, last, message
                        + "; the run had completed before, so its output is complete and nothing needs to be resumed");
            }
            return end(step, true, message);
        }

        private RunResult end(String step, boolean cancelled, String message) {
            LedgerRow last = session.finish(r -> r.withStatus(RunStatus.FAILED).withCurrentStep(step));
            metrics.pushStatus(labels, cancelled ? RunState.CANCELLED : RunState.FAILED);
            return new RunResult(plan, cancelled ? RunOutcome.CANCELLED : RunOutcome.FAILED, last, message);
        }
    }
}
