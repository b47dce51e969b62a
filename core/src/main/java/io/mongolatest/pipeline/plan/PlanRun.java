package io.mongolatest.pipeline.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.WarehouseLeaseRow;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.ProductLogic;
import io.mongolatest.pipeline.ProductLogic.InputSelection;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunSpec;
import io.mongolatest.pipeline.model.StepDefinition;

/** {@code plan}: what a run would do now (SPEC §4), read-only: the input is selected and the ledger read. */
public final class PlanRun {
    private PlanRun() {
    }

    /** A plan, and the input it was made for. */
    public record Planned(Plan plan, InputSelection input) {
    }

    public static Planned plan(RunSpec spec, RunParts parts) {
        checkEngine(spec, parts);
        InputSelection input = spec.logic().selectInput(spec.params(), parts.storage().input());
        RunPlanner planner = new RunPlanner(spec.product(), spec.params(), input.digest());
        Optional<String> warehouseWriter = WarehouseLeaseRow.lastWriter(parts.ledger().read(
                WarehouseLeaseRow.key(spec.params().warehouse().toString())));
        Plan plan = planner.plan(parts.ledger().read(spec.key()), parts.clock().instant(), warehouseWriter);
        return new Planned(withNotes(plan, spec, parts, input), input);
    }

    /** Each builtin step the plan runs with what it says about how it will run. */
    private static Plan withNotes(Plan plan, RunSpec spec, RunParts parts, InputSelection input) {
        List<StepPlan> steps = new ArrayList<>();
        for (StepPlan s : plan.steps()) {
            Optional<String> note = s.action() != StepAction.RUN || s.step().isSql() ? Optional.empty()
                    : spec.logic().builtins().get(s.step().builtin()).planNote(spec, parts, input);
            steps.add(note.map(n -> new StepPlan(s.step(), s.action(), s.reason() + "; " + n, s.fingerprint())).orElse(s));
        }
        return new Plan(plan.key(), plan.start(), plan.runId(), plan.previous(), plan.resumeStep(), plan.holder(), steps,
                plan.warnings());
    }

    /** Every step must be able to run on the chosen engine: a user error now rather than a failure mid-run. */
    static void checkEngine(RunSpec spec, RunParts parts) {
        for (StepDefinition step : spec.product().pipeline().steps()) {
            if (step.isSql()) {
                continue;
            }
            BuiltinStep builtin = spec.logic().builtins().get(step.builtin());
            if (builtin == null) {
                throw MongoLatestException.user("step " + step.name() + ": no builtin step '" + step.builtin()
                        + "' in this build");
            }
            builtin.cannotRunOn(parts.engine()).ifPresent(why -> {
                throw MongoLatestException.user("step " + step.name() + " cannot run on the " + parts.engine().name()
                        + " engine: " + why);
            });
        }
    }
}
