package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A warehouse as one engine works in it.
 *
 * @param warehouse the tables: the store itself, or a {@link MirroredWarehouse} over it when the engine
 *                  cannot reach the store
 * @param folder    a local folder for the engine's own files (DuckDB's {@code catalog.duckdb}): the
 *                  warehouse's folder when it is local, else a folder of the state directory
 */
public record EngineWarehouse(Warehouse warehouse, Path folder) {
    public EngineWarehouse {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(folder, "folder is null");
    }
}
