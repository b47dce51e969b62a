package io.mongolatest.product.audit;

import java.util.List;
import java.util.Map;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.RunEndHook;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.product.input.CollectionKey;
import io.mongolatest.product.publish.Publish;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;

/**
 * {@code create-databases}: creates the product's databases and refreshes
 * {@code audit.data_pipeline_metadata} from the ledger (SPEC §3, §7).
 */
public final class CreateDatabases implements BuiltinStep {
    public static final String KIND = "create-databases";
    public static final List<String> DATABASES = List.of(CollectionKey.LATEST_DATABASE, Publish.UNREDACTED, Publish.REDACTED,
            "audit");
    static final TableName AUDIT = new TableName("audit", "data_pipeline_metadata");


    @Override
    public StepOutcome run(StepContext ctx) {
        EngineSession engine = ctx.engine();
        DATABASES.forEach(engine::createSchema);
        long rows = writeAudit(engine, ctx.storage().warehouse(), ctx.ledgerRows().get());
        ctx.progress(AUDIT + ": " + rows + " ledger rows");
        return StepOutcome.rows(rows);
    }

    /**
     * At the end of every run, however it ended, the audit table is written again, so that it shows the
     * run's final state as the ledger does; a warehouse that never had the audit table is left alone.
     */
    public static RunEndHook auditRefresh() {
        return (engine, warehouse, rows) -> {
            if (warehouse.databases().contains(AUDIT.database())) {
                engine.createSchema(AUDIT.database());
                writeAudit(engine, warehouse, rows);
            }
        };
    }

    private static long writeAudit(EngineSession engine, Warehouse warehouse, List<LedgerRow> ledgerRows) {
        TableVersion version = warehouse.newVersion(AUDIT);
        try {
            long rows = engine.writeParquet(AuditRows.select(ledgerRows, engine::literal), version.location());
            warehouse.commit(AUDIT.database(), Map.of(AUDIT.table(), version));
            engine.registerParquetTable(AUDIT.database(), AUDIT.table(), warehouse.tableLocation(AUDIT));
            return rows;
        } finally {
            warehouse.discardPending();
        }
    }
}
