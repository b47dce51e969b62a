package io.mongolatest.engine;

import static org.apache.iceberg.MetadataColumns.DELETE_FILE_PATH;
import static org.apache.iceberg.MetadataColumns.DELETE_FILE_POS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableScan;
import io.mongolatest.tables.WrittenFile;
import io.mongolatest.tables.iceberg.IcebergCatalogs;
import io.mongolatest.tables.iceberg.OpenCatalog;

/**
 * A real Iceberg format-v2 table in a local warehouse with the SQLite catalog, committed through Iceberg's own
 * API, and read back by Iceberg's generic reader: the reader the engine's SQL is checked against.
 */
final class IcebergTestTable implements AutoCloseable {
    private final OpenCatalog catalog;
    private final TableName name;
    private final Table table;

    IcebergTestTable(Path warehouse, TableName name, Schema schema) throws IOException {
        Files.createDirectories(warehouse);
        this.catalog = IcebergCatalogs.open(new CatalogSpec(CatalogSpec.Kind.SQLITE, null), LocalLocation.of(warehouse),
                StorageSettings.defaults(), io.mongolatest.tables.CatalogEndpoints.none());
        this.name = name;
        Namespace ns = Namespace.of(name.database());
        SupportsNamespaces namespaces = (SupportsNamespaces) catalog.catalog();
        if (!namespaces.namespaceExists(ns)) {
            namespaces.createNamespace(ns);
        }
        this.table = catalog.catalog().createTable(TableIdentifier.of(ns, name.table()), schema,
                PartitionSpec.unpartitioned(), Map.of(TableProperties.FORMAT_VERSION, "2"));
    }

    Table table() {
        return table;
    }

    Path dataFolder() {
        return Path.of(table.location(), "data");
    }

    /** Commits {@code files} as the table's new data files, with the metrics the engine gave; the new snapshot. */
    long append(List<WrittenFile> files) {
        var append = table.newAppend();
        files.forEach(f -> append.appendFile(dataFile(f)));
        append.commit();
        return table.currentSnapshot().snapshotId();
    }

    /** Replaces every data file by {@code files}. */
    long overwrite(List<WrittenFile> files) {
        var overwrite = table.newOverwrite();
        for (FileScanTask t : tasks(table.currentSnapshot().snapshotId())) {
            overwrite.deleteFile(t.file());
        }
        files.forEach(f -> overwrite.addFile(dataFile(f)));
        overwrite.commit();
        return table.currentSnapshot().snapshotId();
    }

    private DataFile dataFile(WrittenFile f) {
        return DataFiles.builder(table.spec()).withPath(f.location().toString()).withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(f.bytes())
                .withMetrics(new Metrics(f.rows(), null, null, f.nullCounts(), null)).build();
    }

    /**
     * Writes with DuckDB a position-delete file of the rows {@code positions} (0-based) of data files, as Iceberg's
     * spec has it (ids of file_path and pos, sorted by both), and commits it; the new snapshot.
     */
    long delete(DuckDbStatements duckDb, Map<Location, List<Long>> positions) throws SQLException {
        StringJoiner rows = new StringJoiner(", ");
        long count = 0;
        for (Map.Entry<Location, List<Long>> e : positions.entrySet()) {
            for (long pos : e.getValue()) {
                rows.add("(" + DuckDbSql.literal(e.getKey().toString()) + ", " + pos + ")");
                count++;
            }
        }
        Path file = dataFolder().resolve("delete-" + java.util.UUID.randomUUID() + ".parquet");
        duckDb.execute("COPY (SELECT file_path, pos::BIGINT AS pos FROM (VALUES " + rows + ") v(file_path, pos)"
                + " ORDER BY file_path, pos) TO " + DuckDbSql.literal(file.toString()) + " (FORMAT parquet, FIELD_IDS"
                + " {file_path: " + DELETE_FILE_PATH.fieldId() + ", pos: " + DELETE_FILE_POS.fieldId() + "})");
        DeleteFile deletes;
        try {
            deletes = FileMetadata.deleteFileBuilder(table.spec()).ofPositionDeletes().withPath(file.toString())
                    .withFormat(FileFormat.PARQUET).withFileSizeInBytes(Files.size(file)).withRecordCount(count).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.newRowDelta().addDeletes(deletes).commit();
        return table.currentSnapshot().snapshotId();
    }

    /** The files a reader of the snapshot reads, as a table store's scan gives them. */
    TableScan scan(long snapshotId) {
        Map<String, TableScan.DataFileRef> files = new LinkedHashMap<>();
        for (FileScanTask t : tasks(snapshotId)) {
            List<Location> deletes = t.deletes().stream().map(d -> (Location) LocalLocation.of(Path.of(d.location())))
                    .toList();
            files.putIfAbsent(t.file().location(), new TableScan.DataFileRef(LocalLocation.of(Path.of(
                    t.file().location())), t.file().recordCount(), deletes));
        }
        return new TableScan(name, snapshotId, table.schemas().get(table.snapshot(snapshotId).schemaId()),
                new ArrayList<>(files.values()));
    }

    private List<FileScanTask> tasks(long snapshotId) {
        List<FileScanTask> out = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).planFiles()) {
            tasks.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The rows Iceberg's generic reader gives at the snapshot, each value as {@link #normal} makes it. */
    List<List<Object>> icebergRows(long snapshotId) {
        List<List<Object>> out = new ArrayList<>();
        Schema schema = table.schemas().get(table.snapshot(snapshotId).schemaId());
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
            for (Record r : records) {
                // By name: with deletes to apply, the reader adds the row's position (_pos) after the columns.
                List<Object> row = new ArrayList<>();
                for (Types.NestedField c : schema.columns()) {
                    row.add(normal(r.getField(c.name())));
                }
                out.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The rows of a DuckDB query, each value as {@link #normal} makes it. */
    static List<List<Object>> duckDbRows(DuckDbStatements duckDb, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : duckDb.query(sql).rows()) {
            out.add(row.stream().map(IcebergTestTable::normal).toList());
        }
        return out;
    }

    /** One Java value per SQL value, whichever reader gave it: bytes as hex, instants in UTC. */
    static Object normal(Object v) {
        try {
            if (v instanceof ByteBuffer b) {
                byte[] bytes = new byte[b.remaining()];
                b.duplicate().get(bytes);
                return HexFormat.of().formatHex(bytes);
            }
            if (v instanceof Blob b) {
                return HexFormat.of().formatHex(b.getBytes(1, (int) b.length()));
            }
            if (v instanceof Timestamp t) {
                return t.toLocalDateTime();
            }
            if (v instanceof OffsetDateTime t) {
                return t.withOffsetSameInstant(ZoneOffset.UTC);
            }
            if (v instanceof CharSequence s) {
                return s.toString();
            }
            return v;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        catalog.close();
    }
}
