package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

/**
 * One complete version of a table's files. Written before any reader can see it; a database version
 * then names it (see {@link Warehouse#commit}). Several databases may name the same version, e.g. a latest
 * table published unredacted unchanged.
 *
 * @param table     the table it was written for
 * @param id        unique among the versions of that table
 * @param location  where its Parquet files are
 */
public record TableVersion(TableName table, String id, Location location) {
    public TableVersion {
        requireNonNull(table, "table is null");
        requireNonNull(id, "id is null");
        requireNonNull(location, "location is null");
    }

    /** The local folder of the version; a user error naming {@code what} needs it when the version is elsewhere. */
    public java.nio.file.Path localDirectory(String what) {
        return Locations.localPath(location, what);
    }
}
