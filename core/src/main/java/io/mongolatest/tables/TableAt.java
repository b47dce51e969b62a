package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import io.mongolatest.storage.TableName;

/** A table at one of its snapshots: what a reader reads, whatever was committed since. */
public record TableAt(TableName table, long snapshotId) {
    public TableAt {
        requireNonNull(table, "table is null");
    }
}
