package io.mongolatest.warehouse;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One complete version of a table's files. Written before any reader can see it; a database version
 * then names it (see {@link Warehouse#commit}). Several databases may name the same version, e.g. a latest
 * table published unredacted unchanged.
 *
 * @param table     the table it was written for
 * @param id        unique among the versions of that table
 * @param directory the folder holding its Parquet files
 */
public record TableVersion(TableName table, String id, Path directory) {
    public TableVersion {
        requireNonNull(table, "table is null");
        requireNonNull(id, "id is null");
        requireNonNull(directory, "directory is null");
    }
}
