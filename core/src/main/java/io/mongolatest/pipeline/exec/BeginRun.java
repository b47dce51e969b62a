package io.mongolatest.pipeline.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.mongolatest.ledger.Attempt;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RecordedPlan;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.plan.Plan;
import io.mongolatest.pipeline.plan.PlanRun;
import io.mongolatest.pipeline.plan.StartKind;
import io.mongolatest.pipeline.plan.StepAction;
import io.mongolatest.pipeline.plan.StepPlan;

/**
 * {@code begin}: plans a new attempt and takes the run with one conditional write, recording on the row what
 * every later step process needs: the plan, the resume decision, the fingerprints, and (in the warehouse)
 * the input selection.
 */
public final class BeginRun {
    private BeginRun() {
    }

    /** How a begin ended: the run taken (and open in this process), or held by another runner. */
    public sealed interface Begun {
        Plan plan();
    }

    public record Started(Plan plan, OpenRun run) implements Begun {
    }

    public record Held(Plan plan, RunResult result) implements Begun {
    }

    public static Begun begin(RunSpec spec, RunParts parts, RunListener listener, Cancellation cancellation) {
        PlanRun.Planned planned = PlanRun.plan(spec, parts);
        Plan plan = planned.plan();
        if (plan.start() == StartKind.HELD) {
            return new Held(plan, OpenRun.held(plan, plan.previous()));
        }
        plan.warnings().forEach(listener::warning);
        // Named by its digest: a runner that loses the race below wrote the very same bytes.
        RunRecords.write(parts.storage().tables().files(),
                RunRecords.inputRecord(spec.params().correlationId(), planned.input().digest()),
                planned.input().record());
        LedgerRow first = firstRow(plan, spec, parts, planned.input().digest());
        RunSession session;
        try {
            session = RunSession.take(parts.ledger(), parts.clock(), spec.options().leaseTtl(), cancellation,
                    plan.previous(), first);
        } catch (LedgerConflictException e) {
            return new Held(plan, OpenRun.held(plan, parts.ledger().read(plan.key()).orElse(null)));
        }
        listener.runStarted(plan);
        return new Started(plan, new OpenRun(spec, parts, session, listener, cancellation));
    }

    static RecordedPlan record(Plan plan, String inputDigest) {
        return new RecordedPlan(plan.start().name(), plan.resumeStep(), inputDigest, plan.steps().stream()
                .map(s -> new RecordedPlan.PlannedStep(s.step().name(), s.action().name(), s.reason(),
                        s.fingerprint().format())).toList());
    }

    private static LedgerRow firstRow(Plan plan, RunSpec spec, RunParts parts, String inputDigest) {
        Instant now = parts.clock().instant();
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
        RunParameters params = spec.params();
        return new LedgerRow(plan.key(), params.arguments().date(), plan.runId(), RunStatus.IN_PROGRESS,
                startStep, parts.identity().clusterId(), params.arguments().snapshotType(), params.input().toString(),
                params.warehouse().toString(), LedgerRow.timeToExistFor(now),
                new Lease(parts.identity().owner(), now.plus(spec.options().leaseTtl())), now, now, steps, attempts,
                record(plan, inputDigest), prev == null ? 0 : prev.version()).nextVersion(now);
    }
}
