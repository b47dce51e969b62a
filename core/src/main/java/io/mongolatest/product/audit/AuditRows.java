package io.mongolatest.product.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.mongolatest.ledger.LedgerRow;

/**
 * The ledger rows as {@code audit.data_pipeline_metadata}, with the original Hive table's columns: one
 * SELECT over a VALUES list of literals, which every engine runs (the ledger holds few rows).
 */
final class AuditRows {
    private static final String[] COLUMNS = {"Correlation_Id", "Run_Id", "DataProduct", "DateProductRun", "Status",
        "CurrentStep", "Cluster_Id", "S3_Prefix_Snapshots", "S3_Prefix_Analytical_DataSet", "Snapshot_Type",
        "Created_Date"};
    private static final String[] TYPES = {"STRING", "BIGINT", "STRING", "DATE", "STRING", "STRING", "STRING",
        "STRING", "STRING", "STRING", "DATE"};

    private AuditRows() {
    }

    /** @param literal the engine's string literal, e.g. {@link io.mongolatest.engine.EngineSession#literal} */
    static String select(List<LedgerRow> rows, UnaryOperator<String> literal) {
        List<String> values = new ArrayList<>();
        for (LedgerRow r : rows) {
            values.add("(" + String.join(", ", text(r.key().correlationId(), literal), Long.toString(r.runId()),
                    text(r.key().dataProduct(), literal), text(date(r.date()), literal),
                    text(r.status().name(), literal), text(r.currentStep(), literal), text(r.clusterId(), literal),
                    text(r.snapshotsPrefix(), literal), text(r.outputPrefix(), literal),
                    text(r.snapshotType(), literal), text(r.startedAt() == null ? null
                            : r.startedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(), literal)) + ")");
        }
        boolean empty = values.isEmpty();
        if (empty) {
            values.add("(" + String.join(", ", java.util.Collections.nCopies(COLUMNS.length, "NULL")) + ")");
        }
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < COLUMNS.length; i++) {
            select.append(i == 0 ? "" : ", ").append("CAST(c").append(i).append(" AS ").append(TYPES[i]).append(") AS ")
                    .append(COLUMNS[i]);
            names.append(i == 0 ? "" : ", ").append('c').append(i);
        }
        select.append(" FROM (VALUES ").append(String.join(", ", values)).append(") AS t(").append(names).append(")");
        if (empty) {
            select.append(" WHERE 1 = 0");
        }
        return select.toString();
    }

    private static String text(String value, UnaryOperator<String> literal) {
        return value == null ? "NULL" : literal.apply(value);
    }

    // Rows written by the original system may hold anything in Date; the column is then empty.
    private static String date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
