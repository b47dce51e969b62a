package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Supplier;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.metrics.RunLabels;
import io.mongolatest.metrics.StatusMetrics;

/**
 * What a step gets to do its work.
 *
 * @param ledgerRows the ledger rows of this data product, read when asked (for the audit table)
 */
public record StepContext(StepDefinition step, RunParameters params, ProductPackage product, EngineSession engine,
                          StatusMetrics metrics, RunLabels labels, Cancellation cancellation,
                          Supplier<List<LedgerRow>> ledgerRows, RunListener listener, RunOptions options) {
    public StepContext {
        requireNonNull(step, "step is null");
        requireNonNull(params, "params is null");
        requireNonNull(product, "product is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(cancellation, "cancellation is null");
        requireNonNull(ledgerRows, "ledgerRows is null");
        requireNonNull(listener, "listener is null");
        requireNonNull(options, "options is null");
    }

    public void progress(String message) {
        listener.progress(step.name(), message);
    }
}
