package io.mongolatest.tables;

import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.Storages;
import io.mongolatest.tables.iceberg.IcebergCatalogs;
import io.mongolatest.tables.iceberg.IcebergTableStore;

/** Opens the tables of a warehouse in their catalog. */
public final class TableStores {
    private TableStores() {
    }

    /**
     * The tables of the warehouse at {@code root} in {@code catalog}; a warehouse still in an earlier version's
     * layout is refused as a user error, never read as empty.
     */
    public static TableStore open(Storages storages, Location root, CatalogSpec catalog) {
        checkLayout(storages, root);
        FileArea files = storages.files(root);
        return new IcebergTableStore(root, catalog, IcebergCatalogs.open(catalog, root, storages.settings()), files);
    }

    /** Refuses, as a user error, a warehouse written in the table layout of versions before the Iceberg tables. */
    public static void checkLayout(Storages storages, Location root) {
        Optional<String> old = storages.olderLayout(root);
        if (old.isPresent()) {
            throw MongoLatestException.user("the warehouse " + root + " has tables in the layout of an earlier version ("
                    + old.get() + "), which this version does not read: build the product again into a new --warehouse"
                    + " (a full rebuild), then remove the old one");
        }
    }
}
