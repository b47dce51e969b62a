package io.mongolatest.product.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.RunEndHook;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.product.publish.Publish;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.CommittedTable;
import io.mongolatest.tables.SnapshotInfo;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;

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
        long rows = writeAudit(engine, ctx.storage().tables(), ctx.ledgerRows().get(), audit(ctx));
        ctx.progress(AUDIT + ": " + rows + " ledger rows");
        return StepOutcome.rows(rows);
    }

    /**
     * At the end of every run, however it ended, the audit table is written again, so that it shows the
     * run's final state as the ledger does; a warehouse that never had the audit table is left alone.
     */
    public static RunEndHook auditRefresh() {
        return (engine, tables, params, rows) -> {
            if (tables.databases().contains(AUDIT.database())) {
                engine.createSchema(AUDIT.database());
                writeAudit(engine, tables, rows, info(params, rows, "run-end"));
            }
        };
    }

    private static SnapshotInfo audit(StepContext ctx) {
        return info(ctx.params(), ctx.ledgerRows().get(), ctx.step().name());
    }

    private static SnapshotInfo info(RunParameters params, List<LedgerRow> rows, String step) {
        long runId = rows.stream().filter(r -> r.key().correlationId().equals(params.correlationId())).findFirst()
                .map(LedgerRow::runId).orElse(0L);
        return new SnapshotInfo(params.correlationId(), runId, params.arguments().date(), step,
                AUDIT + "/" + params.correlationId() + "/" + runId + "/" + step + "/" + UUID.randomUUID(), 1, Map.of());
    }

    private static long writeAudit(EngineSession engine, TableStore tables, List<LedgerRow> ledgerRows,
                                   SnapshotInfo info) {
        TableChange change = engine.writeTable(AUDIT, AuditRows.select(ledgerRows, engine::literal));
        CommittedTable done = tables.commit(List.of(change), info).get(0);
        engine.registerTable(AUDIT, done.snapshotId().getAsLong());
        return change.rows();
    }
}
