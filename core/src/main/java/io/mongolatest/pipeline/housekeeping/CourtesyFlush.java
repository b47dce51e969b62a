package io.mongolatest.pipeline.housekeeping;

import io.mongolatest.metrics.RunState;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;

/**
 * {@code courtesy-flush}: clears metrics an earlier attempt of this run left behind, then announces the
 * run as running (status 1). With the global wipe option it wipes the whole Pushgateway, as the original did.
 */
public final class CourtesyFlush implements BuiltinStep {
    public static final String KIND = "courtesy-flush";

    @Override
    public StepOutcome run(StepContext ctx) {
        if (ctx.options().globalWipe()) {
            ctx.metrics().deleteEverything();
        } else {
            ctx.metrics().deleteRunGroup(ctx.labels());
        }
        ctx.metrics().pushStatus(ctx.labels(), RunState.RUNNING);
        return StepOutcome.none();
    }
}
