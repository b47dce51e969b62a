package io.mongolatest.tables;

import java.nio.file.Path;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.local.LocalFileArea;
import io.mongolatest.tables.iceberg.IcebergCatalogs;
import io.mongolatest.tables.iceberg.IcebergTableStore;

/** The default: a local warehouse folder with Iceberg's JDBC catalog on a SQLite file inside it. */
class SqliteLocalTableStoreTest extends TableStoreContract {
    private int made;

    @Override
    protected TableStore newStore() {
        Path dir = temp.resolve("warehouse-" + made++);
        return open(dir);
    }

    @Override
    protected TableStore sameAs(TableStore store) {
        return open(((LocalLocation) store.warehouse()).path());
    }

    private static TableStore open(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LocalLocation wh = LocalLocation.of(dir);
        CatalogSpec spec = new CatalogSpec(CatalogSpec.Kind.SQLITE, null);
        return new IcebergTableStore(wh, spec, IcebergCatalogs.open(spec, wh, StorageSettings.defaults(),
                CatalogEndpoints.none()),
                new LocalFileArea(dir));
    }
}
