package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import io.mongolatest.storage.Location;

/** A table of the warehouse as a reader sees it: {@code schema.name} is the Parquet files under {@code directory}. */
public record ParquetTable(String schema, String name, Location directory) {
    public ParquetTable {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(directory, "directory is null");
    }
}
