package io.mongolatest.storage;

import java.time.Clock;

/**
 * Storage for one location scheme, found by {@link java.util.ServiceLoader} (see {@link Storages}), so that
 * the core never names an implementation. Closing it releases its clients.
 */
public interface StorageProvider extends AutoCloseable {

    /** The scheme it serves: {@code file}, {@code s3}. */
    String scheme();

    InputStore input(Location root, StorageSettings settings);

    Warehouse warehouse(Location root, StorageSettings settings, Clock clock);

    /**
     * Checks, as a user error and before anything is written, that {@code root} can be reached with the
     * configured credentials (and written, when {@code writes}); local folders are checked by
     * {@link FolderChecks}.
     */
    default void checkAccess(Location root, StorageSettings settings, boolean writes) {
    }

    @Override
    default void close() {
    }
}
