package io.mongolatest.storage;

import java.time.Clock;

/**
 * Storage for one location scheme, found by {@link java.util.ServiceLoader} (see {@link Storages}), so that
 * the core never names an implementation.
 */
public interface StorageProvider {

    /** The scheme it serves: {@code file}, {@code s3}. */
    String scheme();

    InputStore input(Location root, StorageSettings settings);

    Warehouse warehouse(Location root, StorageSettings settings, Clock clock);
}
