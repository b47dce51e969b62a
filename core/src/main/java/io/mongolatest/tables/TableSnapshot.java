package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.iceberg.Schema;

import io.mongolatest.storage.TableName;

/**
 * One snapshot of a table.
 *
 * @param parentId  the snapshot it was made on, if any
 * @param summary   its summary: Iceberg's figures, and what {@link SnapshotInfo} put there
 * @param schema    the table's columns at that snapshot
 */
public record TableSnapshot(TableName table, long snapshotId, OptionalLong parentId, Instant committedAt,
                            Map<String, String> summary, Schema schema) {
    public TableSnapshot {
        requireNonNull(table, "table is null");
        requireNonNull(parentId, "parentId is null");
        requireNonNull(committedAt, "committedAt is null");
        summary = Map.copyOf(summary);
        requireNonNull(schema, "schema is null");
    }

    /** The rows a reader sees (Iceberg's {@code total-records} less its {@code total-position-deletes}). */
    public long rows() {
        return number("total-records") - number("total-position-deletes");
    }

    private long number(String key) {
        String v = summary.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }
}
