package io.mongolatest.pipeline;

import java.util.List;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.tables.TableStore;

/**
 * What a product does once a run's last ledger write is made, however it ended: e.g. bring a table that
 * mirrors the ledger up to date, so that it shows the run's final state. Best effort: a failure is a
 * warning, never a different outcome.
 */
@FunctionalInterface
public interface RunEndHook {
    RunEndHook NONE = (engine, warehouse, params, rows) -> { };

    /**
     * @param engine    a fresh session on the run's warehouse
     * @param warehouse the run's tables
     * @param params    the run's parameters
     * @param rows      the ledger rows of the data product, this run's final one included
     */
    void runEnded(EngineSession engine, TableStore warehouse, RunParameters params, List<LedgerRow> rows);
}
