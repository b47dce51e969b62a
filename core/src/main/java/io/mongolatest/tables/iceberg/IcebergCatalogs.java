package io.mongolatest.tables.iceberg;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.tables.CatalogSpec;

/** Opens the Iceberg catalog a {@link CatalogSpec} names, for a warehouse, by Iceberg's own catalog properties. */
public final class IcebergCatalogs {
    private IcebergCatalogs() {
    }

    public static OpenCatalog open(CatalogSpec spec, Location warehouse, StorageSettings storage) {
        Map<String, String> props = properties(spec, warehouse, storage);
        Catalog catalog = CatalogUtil.buildIcebergCatalog(CatalogSpec.NAME, props, null);
        return new OpenCatalog(catalog, props);
    }

    /** The properties of {@link #open}, by Iceberg's names. */
    public static Map<String, String> properties(CatalogSpec spec, Location warehouse, StorageSettings storage) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString());
        props.put(CatalogProperties.FILE_IO_IMPL, WarehouseFileIO.class.getName());
        switch (spec.kind()) {
            case SQLITE -> sqlite(props, sqliteFile(spec, warehouse));
            default -> throw MongoLatestException.user("--catalog " + spec + " is not available in this build");
        }
        return props;
    }

    /** The SQLite catalog's file: the one given, else {@value CatalogSpec#SQLITE_FILE} inside a local warehouse. */
    public static Path sqliteFile(CatalogSpec spec, Location warehouse) {
        if (spec.argument() != null) {
            return Path.of(spec.argument()).toAbsolutePath().normalize();
        }
        if (warehouse instanceof LocalLocation local) {
            return local.path().resolve(CatalogSpec.SQLITE_FILE);
        }
        throw CatalogSpec.missingFor(warehouse);
    }

    private static void sqlite(Map<String, String> props, Path file) {
        props.put(CatalogProperties.CATALOG_IMPL, SqliteCatalog.class.getName());
        props.put(CatalogProperties.URI, "jdbc:sqlite:" + file);
        // WAL: readers never block the writer, and a writer in another process is waited for, not failed.
        props.put("jdbc.journal_mode", "WAL");
        props.put("jdbc.busy_timeout", "30000");
        // V1 adds the catalog's record type (tables and views) to the V0 layout.
        props.put("jdbc.schema-version", "V1");
    }
}
