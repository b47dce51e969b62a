package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Supplier;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.metrics.RunLabels;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.pipeline.model.StepDefinition;

/**
 * What a step gets to do its work.
 *
 * @param engines       the engine session, opened on first use (housekeeping steps never need one)
 * @param storage       the run's input store and warehouse
 * @param ledgerRows    the ledger rows of this data product, read when asked (for the audit table)
 * @param runStatus     the attempt's status as the step starts: FAILED for an {@code always} step that runs
 *                      after the attempt failed
 * @param recordedInput the input selection recorded when the attempt began (see {@link ProductLogic}), read
 *                      when asked, so that every step reads exactly what was fingerprinted
 */
public record StepContext(StepDefinition step, RunParameters params, ProductPackage product,
                          Supplier<EngineSession> engines, RunStorage storage, StatusMetrics metrics, RunLabels labels,
                          Cancellation cancellation, Supplier<List<LedgerRow>> ledgerRows, RunListener listener,
                          RunOptions options, RunStatus runStatus, Supplier<byte[]> recordedInput) {
    public StepContext {
        requireNonNull(step, "step is null");
        requireNonNull(params, "params is null");
        requireNonNull(product, "product is null");
        requireNonNull(engines, "engines is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(cancellation, "cancellation is null");
        requireNonNull(ledgerRows, "ledgerRows is null");
        requireNonNull(listener, "listener is null");
        requireNonNull(options, "options is null");
        requireNonNull(runStatus, "runStatus is null");
        requireNonNull(recordedInput, "recordedInput is null");
    }

    public EngineSession engine() {
        return engines.get();
    }

    public void progress(String message) {
        listener.progress(step.name(), message);
    }
}
