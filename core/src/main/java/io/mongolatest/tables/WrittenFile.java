package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import io.mongolatest.storage.Location;

/**
 * A Parquet data file an engine wrote for a table, with the field ids of its schema.
 *
 * @param location    where it is: below the table's {@link TableStore#dataLocation}, or a local file to copy there
 * @param bytes       its size
 * @param rows        its rows
 * @param nullCounts  nulls per field id, where the engine knows them (may be empty)
 */
public record WrittenFile(Location location, long bytes, long rows, Map<Integer, Long> nullCounts) {
    public WrittenFile {
        requireNonNull(location, "location is null");
        if (bytes <= 0 || rows < 0) {
            throw new IllegalArgumentException("a data file has bytes and no negative rows: " + bytes + ", " + rows);
        }
        nullCounts = Map.copyOf(nullCounts);
    }
}
