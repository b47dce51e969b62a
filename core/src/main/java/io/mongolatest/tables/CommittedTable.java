package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

import io.mongolatest.storage.TableName;

/**
 * A table after {@link TableStore#commit}: the snapshot it is now at, none when the change dropped it.
 */
public record CommittedTable(TableName table, OptionalLong snapshotId, long rows) {
    public CommittedTable {
        requireNonNull(table, "table is null");
        requireNonNull(snapshotId, "snapshotId is null");
    }
}
