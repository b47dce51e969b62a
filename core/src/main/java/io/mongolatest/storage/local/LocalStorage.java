package io.mongolatest.storage.local;

import java.time.Clock;

import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageProvider;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Warehouse;

/** Local folders: inputs read from disk, warehouses published by symbolic links. */
public final class LocalStorage implements StorageProvider {
    @Override
    public String scheme() {
        return LocalLocation.SCHEME;
    }

    @Override
    public InputStore input(Location root, StorageSettings settings) {
        return new LocalInputStore((LocalLocation) root);
    }

    @Override
    public Warehouse warehouse(Location root, StorageSettings settings, Clock clock) {
        return new LocalWarehouse(((LocalLocation) root).path(), clock);
    }
}
