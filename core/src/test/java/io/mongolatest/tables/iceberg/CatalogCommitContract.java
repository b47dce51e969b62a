package io.mongolatest.tables.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.tables.CatalogFixture;

/**
 * What the product needs of every catalog kind, against the real catalog or its stand-in: a namespace, a
 * format-v2 table, an append of a Parquet file written through {@link WarehouseFileIO}, the same table seen by a
 * second catalog instance, a commit from stale metadata refused with Iceberg's {@link CommitFailedException},
 * and a drop. One concrete class per {@link CatalogFixture}; its servers start once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogCommitContract {
    private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

    /** The catalog under test, made once for the class. */
    protected abstract CatalogFixture fixture();

    @AfterAll
    void closeFixture() {
        fixture().close();
    }

    @Test
    void commitsAnAppendThatASecondInstanceSeesRefusesAStaleCommitAndDrops(@TempDir Path tmp) throws Exception {
        Namespace db = Namespace.of("db_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        TableIdentifier id = TableIdentifier.of(db, "t");
        try (OpenCatalog first = fixture().open(); OpenCatalog second = fixture().open()) {
            ((SupportsNamespaces) first.catalog()).createNamespace(db);
            Table table = first.catalog().buildTable(id, SCHEMA).withProperty("format-version", "2").create();
            assertThat(metadata(table).formatVersion()).isEqualTo(2);
            assertThat(table.io()).isInstanceOf(WarehouseFileIO.class);
            assertThat(table.location()).startsWith(fixture().warehouse().toString());

            // The loser reads the table before the winner commits and prepares its own append on that base.
            Table stale = second.catalog().loadTable(id);
            TableMetadata staleBase = metadata(stale);
            Snapshot losing = stale.newAppend().appendFile(dataFile(stale, tmp, 5)).apply();

            DataFile written = dataFile(table, tmp, 3);
            table.newAppend().appendFile(written).commit();
            long winner = table.currentSnapshot().snapshotId();

            Table reloaded = second.catalog().loadTable(id);
            assertThat(reloaded.currentSnapshot().snapshotId()).isEqualTo(winner);
            assertThat(paths(reloaded)).containsExactly(written.location());
            try (InputStream in = reloaded.io().newInputFile(written.location()).newStream()) {
                assertThat(in.readAllBytes()).hasSize((int) written.fileSizeInBytes()).startsWith('P', 'A', 'R', '1');
            }

            TableOperations staleOps = ((HasTableOperations) stale).operations();
            TableMetadata loser = TableMetadata.buildFrom(staleBase).setBranchSnapshot(losing, "main").build();
            assertThatThrownBy(() -> staleOps.commit(staleBase, loser)).isInstanceOf(CommitFailedException.class);
            assertThat(first.catalog().loadTable(id).currentSnapshot().snapshotId()).isEqualTo(winner);

            assertThat(first.catalog().dropTable(id, false)).isTrue();
            assertThat(second.catalog().tableExists(id)).isFalse();
            assertThat(((SupportsNamespaces) second.catalog()).dropNamespace(db)).isTrue();
        }
    }

    private static TableMetadata metadata(Table table) {
        return ((HasTableOperations) table).operations().current();
    }

    /** A Parquet file of {@code rows} ids (DuckDB writes it with the field id), copied into the table's data. */
    private static DataFile dataFile(Table table, Path tmp, int rows) throws IOException, SQLException {
        Path local = tmp.resolve(UUID.randomUUID() + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS id FROM range(" + rows + ")) TO '" + local
                    + "' (FORMAT parquet, FIELD_IDS {id: 1})");
        }
        byte[] bytes = Files.readAllBytes(local);
        String location = table.locationProvider().newDataLocation(local.getFileName().toString());
        try (PositionOutputStream out = table.io().newOutputFile(location).create()) {
            out.write(bytes);
        }
        return DataFiles.builder(PartitionSpec.unpartitioned()).withPath(location).withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(bytes.length).withRecordCount(rows).build();
    }

    private static List<String> paths(Table table) throws IOException {
        List<String> out = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            tasks.forEach(t -> out.add(t.file().location()));
        }
        return out;
    }
}
