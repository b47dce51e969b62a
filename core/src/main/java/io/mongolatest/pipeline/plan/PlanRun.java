package io.mongolatest.pipeline.plan;

import io.mongolatest.pipeline.ProductLogic;
import io.mongolatest.pipeline.ProductLogic.InputSelection;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.RunSpec;

/** {@code plan}: what a run would do now (SPEC §4), read-only: the input is selected and the ledger read. */
public final class PlanRun {
    private PlanRun() {
    }

    /** A plan, and the input it was made for. */
    public record Planned(Plan plan, InputSelection input) {
    }

    public static Planned plan(RunSpec spec, RunParts parts) {
        InputSelection input = spec.logic().selectInput(spec.params(), parts.storage().input());
        RunPlanner planner = new RunPlanner(spec.product(), spec.params(), input.digest());
        return new Planned(planner.plan(parts.ledger().read(spec.key()), parts.clock().instant()), input);
    }
}
