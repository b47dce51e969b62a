package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.product.audit.CreateDatabases;

class CreateDatabasesTest {
    @TempDir
    Path dir;

    @Test
    void createsTheDatabasesAndTheAuditTableFromTheLedger() throws Exception {
        try (StepHarness h = new StepHarness(dir)) {
            h.ledgerRows = List.of(
                    new LedgerRow(new RunKey("run-1", "MONGO_LATEST"), "2024-03-04", 2, RunStatus.COMPLETED,
                            "flush-pushgateway", "local-host-1", "incremental", "/in", "/wh", 1_710_000_000L, null,
                            Instant.parse("2024-03-04T05:06:07Z"), Instant.parse("2024-03-04T06:00:00Z"), List.of(),
                            List.of(), null, 9),
                    new LedgerRow(new RunKey("original", "MONGO_LATEST"), "not-a-date", 1, RunStatus.FAILED,
                            "executeUpdateAll", "j-ABC", "full", "s3://in", "s3://out", 1_710_000_000_000L, null, null,
                            null, List.of(), List.of(), null, 0));
            assertThat(h.run(CreateDatabases.KIND).rows()).isEqualTo(2);
            for (String db : CreateDatabases.DATABASES) {
                assertThat(h.session().query("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + db + "'")
                        .rows()).containsExactly(List.of(1L));
            }
            var audit = h.query("SELECT * FROM audit.data_pipeline_metadata ORDER BY Correlation_Id DESC");
            assertThat(audit.columns()).containsExactly("Correlation_Id", "Run_Id", "DataProduct", "DateProductRun",
                    "Status", "CurrentStep", "Cluster_Id", "S3_Prefix_Snapshots", "S3_Prefix_Analytical_DataSet",
                    "Snapshot_Type", "Created_Date");
            assertThat(audit.rows().get(0)).containsExactly("run-1", 2L, "MONGO_LATEST", LocalDate.of(2024, 3, 4),
                    "COMPLETED", "flush-pushgateway", "local-host-1", "/in", "/wh", "incremental", LocalDate.of(2024, 3, 4));
            assertThat(audit.rows().get(1)).containsExactly("original", 1L, "MONGO_LATEST", null, "FAILED",
                    "executeUpdateAll", "j-ABC", "s3://in", "s3://out", "full", null);
            h.ledgerRows = List.of();
            h.run(CreateDatabases.KIND);
            assertThat(h.query("SELECT count(*) FROM audit.data_pipeline_metadata").rows()).containsExactly(List.of(0L));
        }
    }
}
