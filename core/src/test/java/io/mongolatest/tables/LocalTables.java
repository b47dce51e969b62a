package io.mongolatest.tables;

import java.nio.file.Path;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;

/** The tables of a local warehouse folder in its SQLite catalog, as a run opens them. */
public final class LocalTables {
    private LocalTables() {
    }

    /** Commits {@code change} alone, as a test's own publication; the snapshot the table is then at. */
    public static long commit(TableStore store, TableChange change) {
        return store.commit(java.util.List.of(change), new SnapshotInfo("test", 1, "2024-01-01", "test",
                "test-" + java.util.UUID.randomUUID(), 1, java.util.Map.of())).get(0).snapshotId().getAsLong();
    }

    public static TableStore open(Path warehouse) {
        return TableStores.open(Storages.load(StorageSettings.defaults()), LocalLocation.of(warehouse),
                new CatalogSpec(CatalogSpec.Kind.SQLITE, null), CatalogEndpoints.none());
    }
}
