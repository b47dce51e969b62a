package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

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

    public static StorageRoots of(InputStore input, Location warehouse, StorageSettings settings) {
        return new StorageRoots(input.root().toString(), warehouse.toString(), settings);
    }

    /**
     * The stores, opened here with clients of their own, which closing the result releases: a task opens them
     * for itself and closes them when it ends, so that an executor running many tasks holds no client of a
     * finished one.
     */
    public Opened open() {
        return new Opened(this, Storages.load(settings));
    }

    /** The stores of {@link StorageRoots}, opened in this process. */
    public static final class Opened implements AutoCloseable {
        private final StorageRoots roots;
        private final Storages storages;
        private InputStore input;
        private FileArea files;

        private Opened(StorageRoots roots, Storages storages) {
            this.roots = roots;
            this.storages = storages;
        }

        public synchronized InputStore input() {
            if (input == null) {
                input = storages.input(Locations.parse(roots.input, "--input"));
            }
            return input;
        }

        /** The files kept beside the warehouse's tables. */
        public synchronized FileArea files() {
            if (files == null) {
                files = storages.files(Locations.parse(roots.warehouse, "--warehouse"));
            }
            return files;
        }

        @Override
        public void close() {
            storages.close();
        }
    }
}
