package io.mongolatest.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.iceberg.inmemory.InMemoryCatalog;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.Storages;
import io.mongolatest.tables.iceberg.IcebergCatalogs;
import io.mongolatest.tables.iceberg.IcebergTableStore;
import io.mongolatest.tables.iceberg.OpenCatalog;

/** Opens the tables of a warehouse in their catalog. */
public final class TableStores {
    private TableStores() {
    }

    /**
     * The tables of the warehouse at {@code root} in {@code catalog}, for a run that writes them: a local warehouse
     * folder is made if missing. A warehouse still in an earlier version's layout is refused as a user error.
     */
    public static TableStore open(Storages storages, Location root, CatalogSpec catalog, CatalogEndpoints endpoints) {
        checkLayout(storages, root);
        if (root instanceof LocalLocation local) {
            try {
                PrivateFiles.createDirectories(local.path());
            } catch (IOException e) {
                throw MongoLatestException.user("cannot create the warehouse " + local + ": " + e.getMessage(), e);
            }
        }
        if (catalog.kind() == CatalogSpec.Kind.SQLITE) {
            makeFolder(IcebergCatalogs.sqliteFile(catalog, root).getParent());
        }
        FileArea files = storages.files(root);
        return new IcebergTableStore(root, catalog, IcebergCatalogs.open(catalog, root, storages.settings(), endpoints),
                files);
    }

    /**
     * The same, for a reader that creates nothing: a SQLite catalog whose file does not exist yet is read as a
     * catalog without tables, and no file is made.
     */
    public static TableStore openToRead(Storages storages, Location root, CatalogSpec catalog,
                                        CatalogEndpoints endpoints) {
        checkLayout(storages, root);
        if (catalog.kind() == CatalogSpec.Kind.SQLITE && !Files.exists(IcebergCatalogs.sqliteFile(catalog, root))) {
            InMemoryCatalog none = new InMemoryCatalog();
            none.initialize(CatalogSpec.NAME, Map.of());
            return new IcebergTableStore(root, catalog, new OpenCatalog(none, Map.of()), storages.files(root));
        }
        return new IcebergTableStore(root, catalog, IcebergCatalogs.open(catalog, root, storages.settings(), endpoints),
                storages.files(root));
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

    private static void makeFolder(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            PrivateFiles.createDirectories(dir);
        } catch (IOException e) {
            throw MongoLatestException.user("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
