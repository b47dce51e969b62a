package io.mongolatest.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

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
     * The tables of the warehouse at {@code root} in {@code catalog}. Nothing is made until the first write: a
     * local warehouse folder and its SQLite catalog are then, so that a run refused before it writes (or a reader)
     * leaves nothing behind, and a SQLite catalog that does not exist yet reads as one without tables. A warehouse
     * still in an earlier version's layout is refused as a user error.
     */
    public static TableStore open(Storages storages, Location root, CatalogSpec catalog, CatalogEndpoints endpoints) {
        checkLayout(storages, root);
        Map<String, String> properties = IcebergCatalogs.properties(catalog, root, storages.settings(), endpoints);
        BooleanSupplier exists = () -> true;
        if (catalog.kind() == CatalogSpec.Kind.SQLITE) {
            Path file = IcebergCatalogs.sqliteFile(catalog, root);
            exists = () -> Files.exists(file);
        }
        return new IcebergTableStore(root, catalog, properties, () -> {
            if (root instanceof LocalLocation local) {
                makeFolder(local.path());
            }
            OpenCatalog open = IcebergCatalogs.open(catalog, root, storages.settings(), endpoints);
            if (catalog.kind() == CatalogSpec.Kind.SQLITE) {
                restrictSqlite(IcebergCatalogs.sqliteFile(catalog, root));
            }
            return open;
        }, exists, storages.files(root));
    }

    /**
     * The tables as a launch sees them: it hands the run to a cluster, whose steps open the catalog; here nothing of
     * it is reached (a dry run needs no access), every read finds no table, and a write is a bug.
     */
    public static TableStore unopened(Storages storages, Location root, CatalogSpec catalog,
                                      CatalogEndpoints endpoints) {
        checkLayout(storages, root);
        return new IcebergTableStore(root, catalog, IcebergCatalogs.properties(catalog, root, storages.settings(),
                endpoints), () -> {
                    throw new IllegalStateException("a launch writes no table of " + root);
                }, () -> false, storages.files(root));
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

    /** SQLite makes its files as the umask lets it: the catalog names the tables' files, its owner's alone. */
    private static void restrictSqlite(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = file.resolveSibling(file.getFileName() + suffix);
            try {
                if (Files.exists(p)) {
                    PrivateFiles.restrict(p);
                }
            } catch (IOException e) {
                throw MongoLatestException.external("cannot make " + p + " private: " + e.getMessage(), e);
            }
        }
    }

    private static void makeFolder(Path dir) {
        try {
            PrivateFiles.createDirectories(dir);
        } catch (IOException e) {
            throw MongoLatestException.user("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
