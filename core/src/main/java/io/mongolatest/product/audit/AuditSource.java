package io.mongolatest.product.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.mongolatest.engine.ColumnType;
import io.mongolatest.engine.RowBatch;
import io.mongolatest.engine.RowSource;
import io.mongolatest.engine.SourceColumn;
import io.mongolatest.ledger.LedgerRow;

/** The ledger rows as rows of {@code audit.data_pipeline_metadata}, with the original Hive table's columns. */
final class AuditSource implements RowSource {
    private static final List<SourceColumn> COLUMNS = List.of(col("correlation_id", ColumnType.VARCHAR),
            col("run_id", ColumnType.BIGINT), col("data_product", ColumnType.VARCHAR),
            col("date_product_run", ColumnType.DATE), col("status", ColumnType.VARCHAR),
            col("current_step", ColumnType.VARCHAR), col("cluster_id", ColumnType.VARCHAR),
            col("s3_prefix_snapshots", ColumnType.VARCHAR), col("s3_prefix_analytical_dataset", ColumnType.VARCHAR),
            col("snapshot_type", ColumnType.VARCHAR), col("created_date", ColumnType.DATE));

    /** The select that names the columns as the original table did. */
    static final String SELECT_SQL = "SELECT correlation_id AS Correlation_Id, run_id AS Run_Id,"
            + " data_product AS DataProduct, date_product_run AS DateProductRun, status AS Status,"
            + " current_step AS CurrentStep, cluster_id AS Cluster_Id, s3_prefix_snapshots AS S3_Prefix_Snapshots,"
            + " s3_prefix_analytical_dataset AS S3_Prefix_Analytical_DataSet, snapshot_type AS Snapshot_Type,"
            + " created_date AS Created_Date FROM ";

    private final List<LedgerRow> rows;

    AuditSource(List<LedgerRow> rows) {
        this.rows = List.copyOf(rows);
    }

    private static SourceColumn col(String name, ColumnType type) {
        return new SourceColumn(name, type);
    }

    @Override
    public List<SourceColumn> columns() {
        return COLUMNS;
    }

    @Override
    public int splitCount() {
        return 1;
    }

    @Override
    public SplitReader open(int split) {
        return new SplitReader() {
            private int next;

            @Override
            public int read(RowBatch batch) {
                int n = 0;
                while (n < batch.capacity() && next < rows.size()) {
                    LedgerRow r = rows.get(next++);
                    text(batch, 0, n, r.key().correlationId());
                    batch.setLong(1, n, r.runId());
                    text(batch, 2, n, r.key().dataProduct());
                    date(batch, 3, n, parseDate(r.date()));
                    text(batch, 4, n, r.status().name());
                    text(batch, 5, n, r.currentStep());
                    text(batch, 6, n, r.clusterId());
                    text(batch, 7, n, r.snapshotsPrefix());
                    text(batch, 8, n, r.outputPrefix());
                    text(batch, 9, n, r.snapshotType());
                    date(batch, 10, n, r.startedAt() == null ? null : r.startedAt().atOffset(ZoneOffset.UTC).toLocalDate());
                    n++;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static void text(RowBatch batch, int column, int row, String value) {
        batch.setText(column, row, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void date(RowBatch batch, int column, int row, LocalDate value) {
        if (value == null) {
            batch.setNull(column, row);
        } else {
            batch.setLong(column, row, value.toEpochDay());
        }
    }

    // Rows written by the original system may hold anything in Date; the column is then empty.
    private static LocalDate parseDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
