package io.mongolatest.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.iceberg.IcebergCatalogs;
import io.mongolatest.tables.iceberg.OpenCatalog;

/**
 * A table of a local warehouse as Iceberg's own generic reader reads it from the catalog (a reader other than ours,
 * as Athena's or Spark's would): its current snapshot, position deletes applied.
 */
public final class IcebergReader {
    private IcebergReader() {
    }

    /** Each row as its columns' values by name, in the table's column order. */
    public static List<Map<String, Object>> rows(Path warehouse, TableName name) {
        CatalogSpec spec = new CatalogSpec(CatalogSpec.Kind.SQLITE, null);
        try (OpenCatalog open = IcebergCatalogs.open(spec, LocalLocation.of(warehouse), StorageSettings.defaults(),
                CatalogEndpoints.none())) {
            Table table = open.catalog().loadTable(TableIdentifier.of(name.database(), name.table()));
            List<Map<String, Object>> out = new ArrayList<>();
            try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
                for (Record r : records) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (Types.NestedField c : table.schema().columns()) {
                        row.put(c.name(), r.getField(c.name()));
                    }
                    out.add(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
    }
}
