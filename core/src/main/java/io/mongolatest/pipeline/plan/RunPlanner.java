package io.mongolatest.pipeline.plan;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mongolatest.ToolVersion;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.RunnerIdentity;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.pipeline.sql.SqlScript;
import io.mongolatest.pipeline.sql.SqlTemplate;

/**
 * Decides how a run starts and which steps it runs (SPEC §4): a retry skips the steps before the
 * step that failed, except {@code always} steps and steps whose fingerprint changed since they
 * succeeded (the retry then restarts at the earliest changed one).
 */
public final class RunPlanner {
    private final ProductPackage product;
    private final RunParameters params;
    private final String inputDigest;

    /**
     * @param inputDigest identifies the input snapshot set the run would read; part of every fingerprint
     */
    public RunPlanner(ProductPackage product, RunParameters params, String inputDigest) {
        this.product = requireNonNull(product, "product is null");
        this.params = requireNonNull(params, "params is null");
        this.inputDigest = requireNonNull(inputDigest, "inputDigest is null");
    }

    public Map<String, Fingerprint> fingerprints() {
        Map<String, Fingerprint> out = new LinkedHashMap<>();
        Map<String, String> values = SqlTemplate.valuesOf(params);
        for (StepDefinition s : product.pipeline().steps()) {
            out.put(s.name(), Fingerprint.of(code(s), values, product.pipeline().version(), inputDigest));
        }
        return out;
    }

    private String code(StepDefinition s) {
        if (!s.isSql()) {
            return "builtin:" + s.builtin() + "@" + ToolVersion.current();
        }
        StringBuilder b = new StringBuilder();
        for (SqlScript script : product.scriptsOf(s.name())) {
            b.append(script.file()).append('\n').append(script.text()).append('\n');
        }
        return b.toString();
    }

    /** The ledger key of the run this planner plans. */
    public RunKey key() {
        return new RunKey(params.correlationId(), product.pipeline().dataProduct());
    }

    public Plan plan(Optional<LedgerRow> existing, Instant now) {
        return plan(existing, now, Optional.empty());
    }

    /**
     * @param warehouseWriter the run that wrote the warehouse last, as the warehouse lease names it; a retry of
     *                        another run cannot skip a step whose output that run may have replaced
     */
    public Plan plan(Optional<LedgerRow> existing, Instant now, Optional<String> warehouseWriter) {
        RunKey key = key();
        Map<String, Fingerprint> fingerprints = fingerprints();
        List<StepDefinition> steps = product.pipeline().steps();
        if (existing.isEmpty()) {
            return new Plan(key, StartKind.NEW, 1, null, null, null, all(steps, fingerprints, "new run"), List.of());
        }
        LedgerRow row = existing.get();
        Optional<String> holder = liveHolder(row, now);
        if (holder.isPresent()) {
            return new Plan(key, StartKind.HELD, row.runId(), row, null, holder.get(), List.of(), List.of());
        }
        long runId = row.runId() + 1;
        if (row.status() == RunStatus.COMPLETED) {
            return new Plan(key, StartKind.RERUN, runId, row, null, null,
                    all(steps, fingerprints, "full re-run: run " + row.runId() + " completed"), List.of());
        }
        List<String> warnings = new ArrayList<>();
        String why = row.status() == RunStatus.FAILED ? "failed" : "was abandoned by a runner that died";
        String exportDate = params.arguments().date();
        if (row.date() != null && !row.date().equals(exportDate)) {
            // Typically a retry typed after midnight with the default export date (today).
            warnings.add("run " + row.runId() + " " + why + " with export date " + row.date() + ", but this run's"
                    + " export date is " + exportDate + " (--export-date defaults to today): it reads other"
                    + " snapshots than that run; give --export-date " + row.date() + " to resume that run as it was");
        }
        Optional<Integer> failedAt = product.pipeline().indexOf(resumePointOf(row));
        if (failedAt.isEmpty()) {
            warnings.add("run " + row.runId() + " " + why + " at '" + row.currentStep()
                    + "', which is no step of this pipeline: the retry runs every step");
            return new Plan(key, StartKind.RETRY, runId, row, null, null,
                    all(steps, fingerprints, "retry from the start"), warnings);
        }
        int resume = failedAt.get();
        String changedReason = null;
        if (resume > 0 && warehouseWriter.isPresent() && !warehouseWriter.get().equals(key.toString())) {
            changedReason = "retry from the start: run " + warehouseWriter.get() + " wrote the warehouse after run "
                    + row.runId() + " " + why;
            resume = 0;
        }
        for (int i = 0; i < resume; i++) {
            StepDefinition s = steps.get(i);
            Optional<Fingerprint> before = row.step(s.name()).map(StepRecord::fingerprint).flatMap(Fingerprint::parse);
            if (!s.always() && before.isPresent() && !before.get().equals(fingerprints.get(s.name()))) {
                changedReason = "changed since it succeeded ("
                        + String.join(", ", fingerprints.get(s.name()).changesSince(before.get())) + ")";
                resume = i;
                break;
            }
        }
        List<StepPlan> plans = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition s = steps.get(i);
            Fingerprint f = fingerprints.get(s.name());
            if (i < resume) {
                plans.add(s.always() ? new StepPlan(s, StepAction.RUN, "always runs", f)
                        : new StepPlan(s, StepAction.SKIP, "succeeded in an earlier attempt", f));
            } else if (i == resume) {
                plans.add(new StepPlan(s, StepAction.RUN, changedReason != null ? changedReason
                        : "retry resumes here: run " + row.runId() + " " + why + " at this step", f));
            } else {
                plans.add(new StepPlan(s, StepAction.RUN, "after the resume point", f));
            }
        }
        return new Plan(key, StartKind.RETRY, runId, row, steps.get(resume).name(), null, plans, warnings);
    }

    /**
     * Where a retry of {@code row} resumes: its current step, or, when that step had finished (a run left
     * between two step processes), the first step after it that had not.
     */
    private String resumePointOf(LedgerRow row) {
        String current = row.currentStep() == null ? "" : row.currentStep();
        Optional<StepRecord> rec = row.step(current);
        if (rec.isEmpty() || !rec.get().status().isDone()) {
            return current;
        }
        List<StepDefinition> steps = product.pipeline().steps();
        for (int i = product.pipeline().indexOf(current).orElse(steps.size()) + 1; i < steps.size(); i++) {
            Optional<StepRecord> next = row.step(steps.get(i).name());
            if (next.isEmpty() || !next.get().status().isDone()) {
                return steps.get(i).name();
            }
        }
        return current;
    }

    private static List<StepPlan> all(List<StepDefinition> steps, Map<String, Fingerprint> f, String reason) {
        return steps.stream().map(s -> new StepPlan(s, StepAction.RUN, reason, f.get(s.name()))).toList();
    }

    /**
     * The owner of a live lease on the row, if any. A lease is dead when it expired, or at once when its
     * owner ran on this host and is gone. An IN_PROGRESS row without a lease was written by the original
     * system, whose runners cannot be checked: it counts as held.
     */
    public static Optional<String> liveHolder(LedgerRow row, Instant now) {
        Lease lease = row.lease();
        if (lease == null) {
            return row.status() == RunStatus.IN_PROGRESS
                    ? Optional.of(row.clusterId() == null ? "an unknown runner" : row.clusterId()) : Optional.empty();
        }
        boolean alive = RunnerIdentity.parse(lease.owner()).map(i -> i.alive(lease, now))
                .orElse(!lease.expiredAt(now));
        return alive ? Optional.of(lease.owner()) : Optional.empty();
    }
}
