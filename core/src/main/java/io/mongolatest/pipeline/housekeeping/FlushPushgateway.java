package io.mongolatest.pipeline.housekeeping;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ErrorKind;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;

/**
 * {@code flush-pushgateway}: after a grace period that lets Prometheus scrape the final status, deletes
 * this run's metric group (or, with the global wipe option, every group, as the original did). After a
 * failed attempt it deletes nothing: the failed status stays for alerts.
 */
public final class FlushPushgateway implements BuiltinStep {
    public static final String KIND = "flush-pushgateway";

    @Override
    public StepOutcome run(StepContext ctx) {
        if (ctx.runStatus() == RunStatus.FAILED) {
            // Alerts need the failed status; the next attempt's courtesy-flush removes it.
            ctx.progress("the run failed: its status stays on the Pushgateway until the next attempt");
            return StepOutcome.none();
        }
        if (!ctx.options().pushgatewayGrace().isZero()) {
            ctx.progress("waiting " + ctx.options().pushgatewayGrace().toSeconds()
                    + " s for the final status to be scraped");
            if (ctx.cancellation().await(ctx.options().pushgatewayGrace())) {
                throw new MongoLatestException(ErrorKind.CANCELLED, "cancelled during the grace period");
            }
        }
        if (ctx.options().globalWipe()) {
            ctx.metrics().deleteEverything();
        } else {
            ctx.metrics().deleteRunGroup(ctx.labels());
        }
        return StepOutcome.none();
    }
}
