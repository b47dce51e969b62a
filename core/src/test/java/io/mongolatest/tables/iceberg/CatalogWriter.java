package io.mongolatest.tables.iceberg;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.PositionOutputStream;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;

/**
 * A writer process for {@link SqliteCatalogProcessesTest}: opens the SQLite catalog of a local warehouse (the
 * product's {@link SqliteCatalog}, or with {@code stock} Iceberg's own {@code JdbcCatalog} on the same
 * settings), prints {@code ready}, waits for a line on its input, then commits {@code N} appends of one small
 * file each to one table and prints {@code done}. A failure prints its stack trace and exits 1.
 *
 * <p>Arguments: {@code sqlite|stock WAREHOUSE DB.TABLE N NAME}.
 */
public final class CatalogWriter {
    private CatalogWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path warehouse = Path.of(args[1]);
        TableIdentifier id = TableIdentifier.parse(args[2]);
        int appends = Integer.parseInt(args[3]);
        String name = args[4];
        Map<String, String> props = new java.util.HashMap<>(IcebergCatalogs.properties(CatalogSpec.parse("sqlite"),
                LocalLocation.of(warehouse), StorageSettings.defaults(), CatalogEndpoints.none()));
        if (args[0].equals("stock")) {
            props.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.jdbc.JdbcCatalog");
        }
        Catalog catalog = CatalogUtil.buildIcebergCatalog(CatalogSpec.NAME, props, null);
        Table table = catalog.loadTable(id);
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try {
            for (int i = 0; i < appends; i++) {
                String location = table.locationProvider().newDataLocation(name + "-" + i + ".parquet");
                try (PositionOutputStream out = table.io().newOutputFile(location).create()) {
                    out.write(name.getBytes(StandardCharsets.UTF_8));
                }
                DataFile file = DataFiles.builder(PartitionSpec.unpartitioned()).withPath(location)
                        .withFormat(FileFormat.PARQUET).withFileSizeInBytes(name.length()).withRecordCount(1).build();
                table.newAppend().appendFile(file).commit();
            }
            System.out.println("done");
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(1);
        } finally {
            if (catalog instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
