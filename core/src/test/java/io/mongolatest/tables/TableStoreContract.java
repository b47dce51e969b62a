package io.mongolatest.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;

/**
 * What every {@link TableStore} does, whatever its catalog and warehouse: run against each catalog the tests can
 * start. The store reads no data file's rows, so the files here are plain bytes standing for Parquet files.
 */
public abstract class TableStoreContract {
    static final TableName T = new TableName("db_a", "t1");
    static final TableName U = new TableName("db_a", "u1");
    static final TableName OTHER = new TableName("db_b", "t1");
    static final Schema COLUMNS = new Schema(Types.NestedField.optional(7, "id", Types.StringType.get()),
            Types.NestedField.optional(8, "ts", Types.TimestampType.withZone()),
            Types.NestedField.optional(9, "n", Types.LongType.get()));

    @TempDir
    Path temp;
    private final List<TableStore> opened = new ArrayList<>();

    /** A new store on a new, empty warehouse and catalog of the kind under test. */
    protected abstract TableStore newStore();

    /** A second store on the same warehouse and catalog as {@code store} (another process would open). */
    protected abstract TableStore sameAs(TableStore store);

    TableStore store;

    @BeforeEach
    void open() {
        store = track(newStore());
    }

    @AfterEach
    void closeAll() {
        opened.forEach(TableStore::close);
    }

    protected TableStore track(TableStore s) {
        opened.add(s);
        return s;
    }

    static SnapshotInfo info(String correlationId, String publication, int tables) {
        return new SnapshotInfo(correlationId, 1, "2024-01-02", "build-latest", publication, tables,
                Map.of(SnapshotInfo.PREFIX + "note", "n-" + correlationId));
    }

    /** A file of {@code bytes} bytes standing for a Parquet file of {@code rows} rows, written where an engine would. */
    WrittenFile file(TableStore s, TableName table, long rows) throws IOException {
        Location at = s.dataLocation(table);
        Path local = temp.resolve("written-" + UUID.randomUUID() + ".parquet");
        Files.writeString(local, "rows " + rows + " of " + table);
        if (at instanceof LocalLocation l) {
            Path p = l.path().resolve(local.getFileName().toString());
            Files.createDirectories(p.getParent());
            Files.move(local, p);
            return new WrittenFile(LocalLocation.of(p), Files.size(p), rows, Map.of());
        }
        return new WrittenFile(LocalLocation.of(local), Files.size(local), rows, Map.of());
    }

    CommittedTable replace(TableStore s, TableName t, String correlationId, long... rows) throws IOException {
        Schema schema = s.schemaFor(t, COLUMNS);
        List<WrittenFile> files = new ArrayList<>();
        for (long r : rows) {
            files.add(file(s, t, r));
        }
        return s.commit(List.of(s.replace(t, schema, files)), info(correlationId, "p-" + correlationId, 1)).get(0);
    }

    @Test
    void anEmptyWarehouseHasNoDatabasesAndNoTables() {
        assertThat(store.databases()).isEmpty();
        assertThat(store.tables("db_a")).isEmpty();
        assertThat(store.current(T)).isEmpty();
    }

    @Test
    void aChangeIsSeenOnlyOnceCommittedWithItsSummary() throws IOException {
        Schema schema = store.schemaFor(T, COLUMNS);
        TableChange change = store.replace(T, schema, List.of(file(store, T, 3), file(store, T, 4)));
        assertThat(change.rows()).isEqualTo(7);
        assertThat(store.current(T)).isEmpty();
        assertThat(sameAs(store).current(T)).isEmpty();

        List<CommittedTable> done = store.commit(List.of(change), info("c1", "pub-1", 1));

        TableSnapshot now = track(sameAs(store)).current(T).orElseThrow();
        assertThat(done).containsExactly(new CommittedTable(T, java.util.OptionalLong.of(now.snapshotId()), 7));
        assertThat(now.rows()).isEqualTo(7);
        assertThat(now.summary()).containsEntry("correlation-id", "c1").containsEntry("run-id", "1")
                .containsEntry("export-date", "2024-01-02").containsEntry("step", "build-latest")
                .containsEntry(SnapshotInfo.PUBLICATION, "pub-1").containsEntry(SnapshotInfo.PUBLICATION_TABLES, "1")
                .containsEntry(SnapshotInfo.PREFIX + "note", "n-c1");
        assertThat(now.schema().columns()).extracting(Types.NestedField::name).containsExactly("id", "ts", "n");
        assertThat(now.schema().asStruct()).isEqualTo(schema.asStruct());
        assertThat(store.databases()).containsExactly("db_a");
        assertThat(store.tables("db_a")).containsExactly("t1");
    }

    @Test
    void aReplacementLeavesOnlyItsOwnFilesAndKeepsTheOlderSnapshot() throws IOException {
        CommittedTable first = replace(store, T, "c1", 5, 6);
        CommittedTable second = replace(store, T, "c2", 2);

        TableSnapshot now = store.current(T).orElseThrow();
        assertThat(now.snapshotId()).isEqualTo(second.snapshotId().getAsLong());
        assertThat(now.parentId()).hasValue(first.snapshotId().getAsLong());
        assertThat(now.rows()).isEqualTo(2);
        TableScan scan = store.scan(T, now.snapshotId());
        assertThat(scan.files()).hasSize(1);
        assertThat(scan.files().get(0).rows()).isEqualTo(2);
        assertThat(scan.files().get(0).deletes()).isEmpty();
        TableScan before = store.scan(T, first.snapshotId().getAsLong());
        assertThat(before.files()).extracting(TableScan.DataFileRef::rows).containsExactlyInAnyOrder(5L, 6L);
        assertThat(store.snapshot(T, first.snapshotId().getAsLong())).isPresent();
    }

    @Test
    void aScanNamesFilesAStoreCanOpenBelowTheTablesDataLocation() throws IOException {
        replace(store, T, "c1", 1);
        TableScan scan = store.scan(T, store.current(T).orElseThrow().snapshotId());
        Location path = scan.files().get(0).path();
        assertThat(path.toString()).startsWith(store.dataLocation(T) + "/");
        try (InputStream in = track(sameAs(store)).open(path)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("rows 1 of db_a.t1");
        }
    }

    @Test
    void columnsKeepTheirIdsByNameWhenATablesColumnsChange() throws IOException {
        replace(store, T, "c1", 1);
        Schema was = store.current(T).orElseThrow().schema();
        Schema wanted = new Schema(Types.NestedField.optional(1, "n", Types.LongType.get()),
                Types.NestedField.optional(2, "extra", Types.StringType.get()),
                Types.NestedField.optional(3, "id", Types.StringType.get()));
        Schema schema = store.schemaFor(T, wanted);
        assertThat(schema.findField("n").fieldId()).isEqualTo(was.findField("n").fieldId());
        assertThat(schema.findField("id").fieldId()).isEqualTo(was.findField("id").fieldId());
        assertThat(schema.findField("extra").fieldId()).isGreaterThan(was.highestFieldId());

        store.commit(List.of(store.replace(T, schema, List.of(file(store, T, 4)))), info("c2", "p2", 1));

        TableSnapshot now = store.current(T).orElseThrow();
        assertThat(now.schema().asStruct()).isEqualTo(schema.asStruct());
        assertThat(now.rows()).isEqualTo(4);
        assertThat(store.scan(T, now.snapshotId()).files()).hasSize(1);
        assertThat(store.schemaFor(T, wanted).asStruct()).isEqualTo(schema.asStruct());
    }

    @Test
    void aTableCanShareAnotherTablesFilesWithoutCopyingThem() throws IOException {
        CommittedTable source = replace(store, T, "c1", 3, 4);
        TableName shared = new TableName("db_b", "t1");
        List<CommittedTable> done = store.commit(List.of(store.shareOf(shared, T, source.snapshotId().getAsLong())),
                info("c1", "p-share", 1));

        assertThat(done.get(0).rows()).isEqualTo(7);
        TableSnapshot now = store.current(shared).orElseThrow();
        assertThat(now.rows()).isEqualTo(7);
        assertThat(store.scan(shared, now.snapshotId()).files()).extracting(TableScan.DataFileRef::path)
                .containsExactlyInAnyOrderElementsOf(store.scan(T, source.snapshotId().getAsLong()).files().stream()
                        .map(TableScan.DataFileRef::path).toList());
        assertThat(store.databases()).containsExactly("db_a", "db_b");
    }

    @Test
    void aDroppedTableIsGoneForReaders() throws IOException {
        replace(store, T, "c1", 1);
        replace(store, U, "c1", 1);
        List<CommittedTable> done = store.commit(List.of(store.drop(U)), info("c2", "p2", 1));
        assertThat(done.get(0).snapshotId()).isEmpty();
        assertThat(store.tables("db_a")).containsExactly("t1");
        assertThat(track(sameAs(store)).current(U)).isEmpty();
    }

    @Test
    void changesCommitInOrderAndAFailureLeavesTheTablesAfterItAsTheyWere() throws IOException {
        replace(store, T, "c0", 1);
        replace(store, U, "c0", 1);
        replace(store, OTHER, "c0", 1);
        Schema forT = store.schemaFor(T, COLUMNS);
        TableChange first = store.replace(OTHER, store.schemaFor(OTHER, COLUMNS), List.of(file(store, OTHER, 9)));
        TableChange broken = store.replace(T, forT, List.of(file(store, T, 9)));
        TableChange last = store.replace(U, store.schemaFor(U, COLUMNS), List.of(file(store, U, 9)));
        // Another writer changes T's columns: the ids T's new file was written with are not the table's any more.
        TableStore other = track(sameAs(store));
        Schema moved = new Schema(Types.NestedField.optional(1, "other", Types.IntegerType.get()));
        other.commit(List.of(other.replace(T, other.schemaFor(T, moved), List.of(file(other, T, 2)))),
                info("x", "px", 1));
        Schema back = other.schemaFor(T, COLUMNS);
        other.commit(List.of(other.replace(T, back, List.of(file(other, T, 2)))), info("x", "px2", 1));
        assertThat(back.asStruct()).isNotEqualTo(forT.asStruct());

        assertThatThrownBy(() -> store.commit(List.of(first, broken, last), info("c1", "p1", 3)))
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("columns of db_a.t1 changed");

        assertThat(store.current(OTHER).orElseThrow().rows()).isEqualTo(9);
        assertThat(store.current(T).orElseThrow().summary()).containsEntry("correlation-id", "x");
        assertThat(store.current(U).orElseThrow().summary()).containsEntry("correlation-id", "c0");
    }

    @Test
    void aChangeMadeBeforeAnotherWritersCommitStillReplacesTheWholeTable() throws IOException {
        replace(store, T, "c0", 1);
        TableStore other = track(sameAs(store));
        Schema schema = store.schemaFor(T, COLUMNS);
        TableChange mine = store.replace(T, schema, List.of(file(store, T, 5)));
        replace(other, T, "theirs", 7, 8);

        store.commit(List.of(mine), info("mine", "pm", 1));

        TableSnapshot now = other.current(T).orElseThrow();
        assertThat(now.summary()).containsEntry("correlation-id", "mine");
        assertThat(now.rows()).isEqualTo(5);
        assertThat(other.scan(T, now.snapshotId()).files()).hasSize(1);
    }

    @Test
    void twoWritersReplacingOneTableAtOnceBothCommitAndTheTableIsAlwaysOneWholeReplacement() throws Exception {
        replace(store, T, "c0", 1);
        int each = 8;
        List<TableStore> writers = List.of(track(sameAs(store)), track(sameAs(store)));
        List<java.util.concurrent.Future<List<Long>>> done = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        try {
            for (int w = 0; w < 2; w++) {
                TableStore s = writers.get(w);
                long rows = 10L * (w + 1);
                done.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ids.add(replace(s, T, "w" + rows + "-" + i, rows, 1).snapshotId().getAsLong());
                    }
                    return ids;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (var f : done) {
                all.addAll(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(2 * each);
        } finally {
            pool.shutdownNow();
        }
        TableSnapshot now = store.current(T).orElseThrow();
        TableScan scan = store.scan(T, now.snapshotId());
        // Whoever committed last, the table is exactly that commit's two files.
        assertThat(scan.files()).hasSize(2);
        assertThat(now.rows()).isIn(11L, 21L);
        for (TableStore w : writers) {
            for (long id : List.of(now.snapshotId())) {
                assertThat(w.snapshot(T, id)).isPresent();
            }
        }
    }

    @Test
    void filesNoTableNamesAreRemovedOnlyOnceOlderThanTheCutOffAndNamedOnesNever() throws IOException {
        CommittedTable first = replace(store, T, "c1", 2, 3);
        CommittedTable second = replace(store, T, "c2", 4);
        store.commit(List.of(store.shareOf(OTHER, T, second.snapshotId().getAsLong())), info("c2", "p-share", 1));
        replace(store, U, "c2", 5);
        Location usedByDropped = store.scan(U, store.current(U).orElseThrow().snapshotId()).files().get(0).path();
        store.commit(List.of(store.drop(U)), info("c3", "p-drop", 1));
        // Written and never committed (a failed run): placed below the table's data folder all the same.
        WrittenFile written = file(store, T, 9);
        TableChange never = store.replace(T, store.schemaFor(T, COLUMNS), List.of(written));
        Location unnamed = store.dataLocation(T).resolve(((LocalLocation) written.location()).path().getFileName()
                .toString());
        assertThat(never.rows()).isEqualTo(9);

        assertThat(store.removeOrphans(java.time.Instant.now().minusSeconds(3600))).as("all too young").isEmpty();
        List<Location> removed = store.removeOrphans(java.time.Instant.now().plusSeconds(60));

        assertThat(removed).contains(unnamed, usedByDropped);
        List<Location> kept = new ArrayList<>(scanned(store, T, first));
        kept.addAll(scanned(store, T, second));
        assertThat(removed).doesNotContainAnyElementsOf(kept);
        TableStore other = track(sameAs(store));
        for (Location l : kept) {
            try (InputStream in = other.open(l)) {
                assertThat(in.readAllBytes()).isNotEmpty();
            }
        }
        assertThat(other.current(OTHER).orElseThrow().rows()).isEqualTo(4);
        assertThat(other.scan(T, first.snapshotId().getAsLong()).files()).hasSize(2);
        assertThat(other.removeOrphans(java.time.Instant.now().plusSeconds(60))).isEmpty();
    }

    private static List<Location> scanned(TableStore s, TableName t, CommittedTable c) {
        return s.scan(t, c.snapshotId().getAsLong()).files().stream().map(TableScan.DataFileRef::path).toList();
    }

    @Test
    void aFileBesideTheTablesAppearsOnlyWhenItsStreamIsClosed() throws IOException {
        FileArea files = store.files();
        String path = "quarantine/run-1/core_contract.jsonl";
        try (OutputStream out = files.create(path)) {
            out.write("{\"line\":1}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(exists(track(sameAs(store)).files(), path)).isFalse();
        }
        try (InputStream in = track(sameAs(store)).files().open(path).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"line\":1}\n");
        }
        assertThat(files.location(path)).isEqualTo(store.warehouse().resolve(path));
    }

    @Test
    void aNewFileReplacesOneOfTheSameName() throws IOException {
        FileArea files = store.files();
        try (OutputStream out = files.create(".runs/run-1/input.json")) {
            out.write("first".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = files.create(".runs/run-1/input.json")) {
            out.write("second".getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = files.open(".runs/run-1/input.json").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
        }
        assertThat(exists(files, ".runs/run-1/other.json")).isFalse();
    }

    @Test
    void deleteTreeDeletesAFolderAndEverythingBelowItOnly() throws IOException {
        FileArea files = store.files();
        for (String p : List.of("quarantine/run-1/a.jsonl", "quarantine/run-1/deeper/b.jsonl",
                "quarantine/run-10/c.jsonl", "quarantine/run-2/d.jsonl")) {
            files.create(p).close();
        }
        files.deleteTree("quarantine/run-1");
        files.deleteTree("quarantine/never-there");
        assertThat(exists(files, "quarantine/run-1/a.jsonl")).isFalse();
        assertThat(exists(files, "quarantine/run-1/deeper/b.jsonl")).isFalse();
        assertThat(exists(files, "quarantine/run-10/c.jsonl")).as("a sibling with a longer name").isTrue();
        assertThat(exists(files, "quarantine/run-2/d.jsonl")).isTrue();
    }

    private static boolean exists(FileArea files, String path) throws IOException {
        java.util.Optional<InputStream> in = files.open(path);
        if (in.isPresent()) {
            in.get().close();
        }
        return in.isPresent();
    }
}
