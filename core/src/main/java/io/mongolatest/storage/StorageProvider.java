package io.mongolatest.storage;

import java.util.Optional;

/**
 * Storage for one location scheme, found by {@link java.util.ServiceLoader} (see {@link Storages}), so that
 * the core never names an implementation. Closing it releases its clients.
 */
public interface StorageProvider extends AutoCloseable {

    /** The scheme it serves: {@code file}, {@code s3}. */
    String scheme();

    InputStore input(Location root, StorageSettings settings);

    /** The plain files kept beside a warehouse's tables, below {@code root}. */
    FileArea files(Location root, StorageSettings settings);

    /**
     * What of the table layout of versions before the Iceberg tables (table-version folders made current by links,
     * or by manifests) is at {@code root}, if any: such a warehouse is refused, never read as empty.
     */
    Optional<String> olderLayout(Location root, StorageSettings settings);

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
