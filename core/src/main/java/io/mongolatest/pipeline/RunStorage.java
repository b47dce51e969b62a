package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.Warehouse;

/**
 * Where a run reads its input and writes its tables, opened for its locations.
 *
 * @param scratch a local folder for a step's temporary files, on the warehouse's disk when that is local
 */
public record RunStorage(InputStore input, Warehouse warehouse, Path scratch) {
    public RunStorage {
        requireNonNull(input, "input is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(scratch, "scratch is null");
    }
}
