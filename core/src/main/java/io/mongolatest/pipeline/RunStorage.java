package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.StorageRoots;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.tables.TableStore;

/**
 * Where a run reads its input and writes its tables (in their catalog), opened for its locations.
 *
 * @param scratch  a local folder for a step's temporary files, on the warehouse's disk when that is local
 * @param settings how the stores were reached, so that an engine's tasks elsewhere can reach them too
 */
public record RunStorage(InputStore input, TableStore tables, Path scratch, StorageSettings settings) {
    public RunStorage {
        requireNonNull(input, "input is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(scratch, "scratch is null");
        requireNonNull(settings, "settings is null");
    }

    /** Stores reached with the default settings. */
    public RunStorage(InputStore input, TableStore tables, Path scratch) {
        this(input, tables, scratch, StorageSettings.defaults());
    }

    /** The roots of both stores, for tasks that open them where they run. */
    public StorageRoots roots() {
        return StorageRoots.of(input, tables.warehouse(), settings);
    }
}
