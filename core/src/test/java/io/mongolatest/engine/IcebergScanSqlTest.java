package io.mongolatest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.Locations;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableScan;
import io.mongolatest.tables.WrittenFile;

/**
 * The engine's SQL over an Iceberg table gives exactly the rows Iceberg's own generic reader gives: files written
 * by DuckDB, committed with Iceberg's API, position deletes written by DuckDB.
 */
class IcebergScanSqlTest {
    /** Every type a table holds, a null in each column every third row. */
    private static final String ROWS = "SELECT range::BIGINT AS id,"
            + " CASE WHEN range % 3 <> 0 THEN range % 2 = 0 END AS b,"
            + " CASE WHEN range % 3 <> 1 THEN (range % 100)::TINYINT END AS ti,"
            + " CASE WHEN range % 3 <> 2 THEN (range * 7)::INTEGER END AS i,"
            + " CASE WHEN range % 3 <> 0 THEN range * 1.5::FLOAT END AS f,"
            + " CASE WHEN range % 3 <> 1 THEN range / 7.0::DOUBLE END AS d,"
            + " CASE WHEN range % 3 <> 2 THEN (range / 8)::DECIMAL(9,2) END AS d9,"
            + " CASE WHEN range % 3 <> 0 THEN (range * 12345.6789)::DECIMAL(38,6) END AS d38,"
            + " CASE WHEN range % 3 <> 1 THEN 'text ' || range || ' é' END AS \"Mixed \"\"Name\"\",\","
            + " CASE WHEN range % 3 <> 2 THEN ('\\x0' || (range % 10) || 'AB')::BLOB END AS bl,"
            + " CASE WHEN range % 3 <> 0 THEN DATE '1969-12-25' + range::INTEGER END AS dt,"
            + " CASE WHEN range % 3 <> 1 THEN TIME '00:00:00.000001' + INTERVAL (range) SECOND END AS tm,"
            + " CASE WHEN range % 3 <> 2 THEN TIMESTAMP '1969-12-31 23:59:59.999999' + INTERVAL (range) MINUTE END AS ts,"
            + " CASE WHEN range % 3 <> 0 THEN TIMESTAMPTZ '2024-02-29 12:00:00.123456+00' + INTERVAL (range) HOUR END AS tz,"
            + " CASE WHEN range % 3 <> 1 THEN md5(range::VARCHAR)::UUID END AS u";

    /** A local warehouse's files are read where they are. */
    private static final Function<Location, Path> IN_PLACE = l -> Locations.localPath(l, "the test");

    @TempDir
    Path tmp;
    private final ConnectionStatements duckDb = new ConnectionStatements();

    @AfterEach
    void close() throws SQLException {
        duckDb.close();
    }

    @Test
    void everyTypeAndNullReadsAsIcebergReadsItLessTheRowsDeletedInSeveralFiles() throws Exception {
        Schema schema = IcebergColumns.of(duckDb, ROWS + " FROM range(0)");
        try (IcebergTestTable t = new IcebergTestTable(tmp.resolve("wh"), new TableName("db", "all_types"), schema)) {
            List<WrittenFile> files = new ArrayList<>();
            for (int part = 0; part < 3; part++) {
                files.addAll(writer().write(ROWS + " FROM range(" + part * 100 + ", " + (part * 100 + 100) + ")",
                        schema, t.dataFolder()));
            }
            long appended = t.append(files);
            // One delete file naming rows of two data files, another naming rows of the second again and the third.
            t.delete(duckDb, Map.of(files.get(0).location(), List.of(0L, 5L, 99L), files.get(1).location(), List.of(1L)));
            long deleted = t.delete(duckDb, Map.of(files.get(1).location(), List.of(1L, 2L),
                    files.get(2).location(), List.of(50L)));

            List<List<Object>> before = read(t, appended, IN_PLACE);
            List<List<Object>> after = read(t, deleted, IN_PLACE);

            assertThat(before).hasSize(300).containsExactlyInAnyOrderElementsOf(t.icebergRows(appended));
            assertThat(after).containsExactlyInAnyOrderElementsOf(t.icebergRows(deleted));
            assertThat(after).extracting(r -> (Long) r.get(0)).hasSize(294)
                    .doesNotContain(0L, 5L, 99L, 101L, 102L, 250L).contains(1L, 100L, 103L, 249L, 251L);
            assertThat(t.scan(deleted).files()).extracting(f -> f.deletes().size()).containsExactlyInAnyOrder(2, 2, 2);
        }
    }

    @Test
    void localCopiesOfTheFilesAreReadWithTheDeletesMappedToThemByTheScansNamesAllOrSome() throws Exception {
        Schema schema = IcebergColumns.of(duckDb, ROWS + " FROM range(0)");
        try (IcebergTestTable t = new IcebergTestTable(tmp.resolve("wh"), new TableName("db", "copied"), schema)) {
            List<WrittenFile> files = new ArrayList<>();
            files.addAll(writer().write(ROWS + " FROM range(0, 10)", schema, t.dataFolder()));
            files.addAll(writer().write(ROWS + " FROM range(10, 20)", schema, t.dataFolder()));
            t.append(files);
            long snapshot = t.delete(duckDb, Map.of(files.get(0).location(), List.of(3L),
                    files.get(1).location(), List.of(0L, 9L)));
            // As an S3 warehouse's files are read: each copied here under a name of its own; or only some of them.
            for (Location kept : List.of(LocalLocation.of(tmp.resolve("none")), files.get(1).location())) {
                Map<Location, Path> copies = new LinkedHashMap<>();
                Function<Location, Path> copy = l -> l.equals(kept) ? IN_PLACE.apply(l)
                        : copies.computeIfAbsent(l, k -> copied(k, tmp.resolve("copies")));

                List<List<Object>> rows = read(t, snapshot, copy);

                assertThat(copies).hasSize(kept.equals(files.get(1).location()) ? 2 : 3);
                assertThat(rows).containsExactlyInAnyOrderElementsOf(t.icebergRows(snapshot))
                        .extracting(r -> (Long) r.get(0)).hasSize(17).doesNotContain(3L, 10L, 19L);
            }
        }
    }

    @Test
    void pathsAreReadAsNamesNeverAsGlobs() throws Exception {
        Schema schema = IcebergColumns.of(duckDb, "SELECT 1::BIGINT AS id, 'x' AS v");
        Path warehouse = tmp.resolve("wh[1]*?'");
        try (IcebergTestTable t = new IcebergTestTable(warehouse, new TableName("db", "t"), schema)) {
            List<WrittenFile> files = writer().write("SELECT range::BIGINT AS id, 'x' AS v FROM range(4)", schema,
                    t.dataFolder());
            t.append(files);
            long snapshot = t.delete(duckDb, Map.of(files.get(0).location(), List.of(2L)));
            // What the names would match as globs: the same files under another warehouse, other rows in them.
            Path decoy = tmp.resolve("wh1-decoy'").resolve(warehouse.relativize(Path.of(files.get(0).location()
                    .toString())));
            Files.createDirectories(decoy.getParent());
            duckDb.execute("COPY (SELECT 99::BIGINT AS id, 'decoy' AS v) TO " + DuckDbSql.literal(decoy.toString())
                    + " (FORMAT parquet, FIELD_IDS {id: 1, v: 2})");

            List<List<Object>> rows = read(t, snapshot, IN_PLACE);

            assertThat(rows).containsExactlyInAnyOrderElementsOf(t.icebergRows(snapshot))
                    .containsExactlyInAnyOrder(List.of(0L, "x"), List.of(1L, "x"), List.of(3L, "x"));
        }
    }

    @Test
    void columnsAreReadByFieldIdAfterARenameAndAnAddedColumn() throws Exception {
        Schema schema = IcebergColumns.of(duckDb, "SELECT 1::BIGINT AS id, 'x' AS v");
        try (IcebergTestTable t = new IcebergTestTable(tmp.resolve("wh"), new TableName("db", "evolved"), schema)) {
            t.append(writer().write("SELECT range::BIGINT AS id, 'v' || range AS v FROM range(3)", schema,
                    t.dataFolder()));
            t.table().updateSchema().renameColumn("id", "key").renameColumn("v", "id").commit();
            t.table().updateSchema().addColumn("v", Types.IntegerType.get()).commit();
            long snapshot = t.append(writer().write("SELECT 7::BIGINT AS \"key\", 'new' AS id, 42 AS v",
                    t.table().schema(), t.dataFolder()));

            List<List<Object>> rows = read(t, snapshot, IN_PLACE);

            assertThat(rows).containsExactlyInAnyOrderElementsOf(t.icebergRows(snapshot)).containsExactlyInAnyOrder(
                    Arrays.asList(0L, "v0", null), Arrays.asList(1L, "v1", null), Arrays.asList(2L, "v2", null),
                    List.of(7L, "new", 42));
        }
    }

    @Test
    void aTableWithoutDataFilesIsAnEmptySelectOfItsColumnsAndTypes() throws Exception {
        Schema schema = IcebergColumns.of(duckDb, ROWS + " FROM range(0)");
        try (IcebergTestTable t = new IcebergTestTable(tmp.resolve("wh"), new TableName("db", "empty"), schema)) {
            long withEmptyFile = t.append(writer().write(ROWS + " FROM range(0)", schema, t.dataFolder()));
            long withoutFiles = t.overwrite(List.of());

            assertThat(t.scan(withoutFiles).files()).isEmpty();
            for (long snapshot : List.of(withEmptyFile, withoutFiles)) {
                String sql = IcebergScanSql.select(t.scan(snapshot), IN_PLACE);
                assertThat(read(t, snapshot, IN_PLACE)).isEmpty();
                assertThat(t.icebergRows(snapshot)).isEmpty();
                assertThat(IcebergColumns.of(duckDb, sql).asStruct()).isEqualTo(schema.asStruct());
            }
        }
    }

    @Test
    void theTextOfAScanOfThousandsOfFilesGrowsWithTheFilesAndNamesEachDeleteFileOnce() {
        Schema schema = IcebergColumns.of(List.of("id"), List.of("BIGINT"));
        List<Location> shared = List.of(LocalLocation.of(tmp.resolve("wh/db/t/data/delete-shared.parquet")));
        List<TableScan.DataFileRef> files = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Location data = LocalLocation.of(tmp.resolve("wh/db/t/data/data-" + i + ".parquet"));
            files.add(new TableScan.DataFileRef(data, 10, i % 2 == 0 ? shared : List.of()));
        }
        String pathText = tmp.resolve("wh/db/t/data/data-0000.parquet").toString();

        String sql = IcebergScanSql.select(new TableScan(new TableName("db", "t"), 1, schema, files),
                IN_PLACE);

        assertThat(sql.length()).isLessThan(5000 * (pathText.length() + 4) + 1000);
        assertThat(sql.split("delete-shared", -1)).hasSize(2);
    }

    private List<List<Object>> read(IcebergTestTable t, long snapshot, Function<Location, Path> localFile)
            throws SQLException {
        return IcebergTestTable.duckDbRows(duckDb, IcebergScanSql.select(t.scan(snapshot), localFile));
    }

    private IcebergFileWriter writer() {
        return new IcebergFileWriter(duckDb, 8L << 20);
    }

    private static Path copied(Location file, Path folder) {
        try {
            Files.createDirectories(folder);
            Path to = folder.resolve("copy-" + Math.abs(file.toString().hashCode()) + "-" + System.nanoTime() + ".parquet");
            return Files.copy(Path.of(file.toString()), to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
