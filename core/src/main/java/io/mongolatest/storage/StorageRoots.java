package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Clock;

/**
 * How to reach a run's input and warehouse again from another process (a distributed engine's tasks): their
 * roots as text and the storage settings, a value that can be sent there and opened where it arrives.
 */
public record StorageRoots(String input, String warehouse, StorageSettings settings) implements Serializable {
    public StorageRoots {
        requireNonNull(input, "input is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(settings, "settings is null");
    }

    public static StorageRoots of(InputStore input, Warehouse warehouse, StorageSettings settings) {
        return new StorageRoots(input.root().toString(), warehouse.root().toString(), settings);
    }

    /** The input store, opened here. */
    public InputStore openInput() {
        return Storages.load(settings).input(Locations.parse(input, "--input"));
    }

    /** The files kept beside the warehouse's tables, opened here. */
    public FileArea openFiles() {
        return Storages.load(settings).warehouse(Locations.parse(warehouse, "--warehouse"), Clock.systemUTC()).files();
    }
}
