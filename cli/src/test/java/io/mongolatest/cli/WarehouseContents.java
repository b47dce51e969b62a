package io.mongolatest.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mongolatest.engine.WarehouseReader;
import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.TableStores;

/** What tests read of a warehouse: its published tables' rows, by {@code database.table}. */
final class WarehouseContents {
    private WarehouseContents() {
    }

    static Map<String, List<String>> read(Path warehouse) {
        return WarehouseTables.rows(warehouse);
    }

    /**
     * The published tables of the S3 warehouse {@code root} in {@code catalog} (the audit table left out), read by our
     * reader from copies of their files below {@code scratch}.
     */
    static Map<String, List<String>> readS3(URI s3Endpoint, S3Location root, String catalog, Path scratch) {
        Map<String, List<String>> out = new TreeMap<>();
        readS3Tables(s3Endpoint, root, catalog, scratch).forEach((name, table) -> out.put(name, table.rows()));
        return out;
    }

    /** The same, each table with its columns and their Iceberg types, as {@link WarehouseTables#read} gives them. */
    static Map<String, WarehouseTables.Table> readS3Tables(URI s3Endpoint, S3Location root, String catalog,
                                                          Path scratch) {
        try (Storages storages = Storages.load(new StorageSettings(s3Endpoint));
             TableStore tables = TableStores.open(storages, root, CatalogSpec.parse(catalog),
                     CatalogEndpoints.none())) {
            return WarehouseTables.read(tables, scratch, false);
        }
    }

    /** {@code database.table} to the snapshot readers of the warehouse read now. */
    static Map<String, Long> snapshots(URI s3Endpoint, S3Location root, String catalog) {
        try (Storages storages = Storages.load(new StorageSettings(s3Endpoint));
             TableStore tables = TableStores.open(storages, root, CatalogSpec.parse(catalog),
                     CatalogEndpoints.none())) {
            Map<String, Long> out = new TreeMap<>();
            WarehouseReader.published(tables, db -> true).forEach((t, id) -> out.put(t.toString(), id));
            return out;
        }
    }
}
