package io.mongolatest.product;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.pipeline.BuiltinStep;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.warehouse.TableName;
import io.mongolatest.warehouse.Warehouse;

/**
 * {@code create-databases}: creates the product's databases and refreshes
 * {@code audit.data_pipeline_metadata} from the ledger (SPEC §3, §7).
 */
final class CreateDatabases implements BuiltinStep {
    static final String KIND = "create-databases";
    static final List<String> DATABASES = List.of(CollectionKey.LATEST_DATABASE, Publish.UNREDACTED, Publish.REDACTED,
            "audit");
    static final TableName AUDIT = new TableName("audit", "data_pipeline_metadata");
    private static final String AUDIT_ROWS = "ml_audit_rows";

    private final Clock clock;

    CreateDatabases(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public StepOutcome run(StepContext ctx) {
        EngineSession engine = ctx.engine();
        DATABASES.forEach(engine::createSchema);
        Warehouse warehouse = new Warehouse(ctx.params().warehouse(), clock);
        Path version = warehouse.newVersion(AUDIT);
        long rows;
        try {
            engine.registerSource(AUDIT_ROWS, new AuditSource(ctx.ledgerRows().get()));
            rows = engine.writeParquet(AuditSource.SELECT_SQL + AUDIT_ROWS, version);
            warehouse.publish(AUDIT, version);
            engine.registerParquetTable(AUDIT.database(), AUDIT.table(), warehouse.tablePath(AUDIT));
        } finally {
            Cleanup.quietly(() -> engine.dropSource(AUDIT_ROWS));
            warehouse.removeUnusedVersions(AUDIT);
        }
        ctx.progress(AUDIT + ": " + rows + " ledger rows");
        return StepOutcome.rows(rows);
    }
}
