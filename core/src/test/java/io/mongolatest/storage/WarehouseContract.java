package io.mongolatest.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Warehouse} promises, and its {@link FileArea}. A store's test extends this class and
 * says how to open the warehouse of the test's root (a second instance reads it as another process would),
 * how an engine writes a file into a new version, how a reader reads the files at a location, and whether
 * a version's files are still stored.
 */
public abstract class WarehouseContract {
    private static final TableName CONTRACT = new TableName("uc_mongo_latest", "core_contract");
    private static final TableName STATEMENT = new TableName("uc_mongo_latest", "core_statement");
    private static final TableName CLAIMANT = new TableName("uc_mongo_latest", "core_claimant");

    protected Warehouse warehouse;

    /** A new instance on the test's root; the root starts empty for each test. */
    protected abstract Warehouse open();

    /** Writes a file into {@code version}, as an engine writes Parquet into it; here, into a local folder. */
    protected void write(TableVersion version, String name, byte[] body) throws IOException {
        java.nio.file.Files.write(version.localDirectory("the test").resolve(name), body);
    }

    /** The files a reader finds at {@code location} (a table's location), by name; here, in a local folder. */
    protected Map<String, byte[]> read(Location location) throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                Locations.localPath(location, "the test"))) {
            for (java.nio.file.Path f : files.toList()) {
                out.put(f.getFileName().toString(), java.nio.file.Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** Whether any file of {@code version} is still stored. */
    protected abstract boolean stored(TableVersion version);

    @BeforeEach
    void openWarehouse() {
        warehouse = open();
    }

    private TableVersion version(TableName table, String content) throws IOException {
        TableVersion v = warehouse.newVersion(table);
        assertThat(v.table()).isEqualTo(table);
        write(v, "part-0.parquet", content.getBytes(UTF_8));
        return v;
    }

    private String contentOf(Warehouse w, TableName table) throws IOException {
        Map<String, byte[]> files = read(w.tableLocation(table));
        assertThat(files).containsOnlyKeys("part-0.parquet");
        return new String(files.get("part-0.parquet"), UTF_8);
    }

    @Test
    void aWarehouseWithoutCommitsHasNoDatabases() {
        assertThat(warehouse.databases()).isEmpty();
        assertThat(warehouse.current("uc_mongo_latest")).isEmpty();
        assertThat(warehouse.tables()).isEmpty();
    }

    @Test
    void aNewVersionIsInvisibleUntilItsCommitThenItIsCurrent() throws IOException {
        TableVersion v = version(CONTRACT, "contract v1");
        TableVersion other = warehouse.newVersion(CONTRACT);
        assertThat(other.id()).isNotEqualTo(v.id());
        assertThat(other.location()).isNotEqualTo(v.location());

        assertThat(open().databases()).isEmpty();
        assertThat(open().current(CONTRACT.database())).isEmpty();

        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v));

        Warehouse reader = open();
        assertThat(reader.databases()).containsExactly(CONTRACT.database());
        assertThat(reader.current(CONTRACT.database())).containsOnlyKeys(CONTRACT.table());
        assertThat(reader.current(CONTRACT.database()).get(CONTRACT.table()).id()).isEqualTo(v.id());
        assertThat(contentOf(reader, CONTRACT)).isEqualTo("contract v1");
        assertThat(warehouse.current(CONTRACT.database()).get(CONTRACT.table()).id()).isEqualTo(v.id());
    }

    @Test
    void aCommitReplacesTheWholeDatabaseTablesItLacksGoWithIt() throws IOException {
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), version(CONTRACT, "contract v1"),
                STATEMENT.table(), version(STATEMENT, "statement v1")));
        TableVersion contract2 = version(CONTRACT, "contract v2");
        TableVersion claimant2 = version(CLAIMANT, "claimant v2");

        // Written but not committed: readers still see the whole first version.
        Warehouse before = open();
        assertThat(before.current(CONTRACT.database())).containsOnlyKeys(CONTRACT.table(), STATEMENT.table());
        assertThat(contentOf(before, CONTRACT)).isEqualTo("contract v1");
        assertThat(contentOf(before, STATEMENT)).isEqualTo("statement v1");

        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), contract2, CLAIMANT.table(), claimant2));

        Warehouse after = open();
        assertThat(after.current(CONTRACT.database())).containsOnlyKeys(CONTRACT.table(), CLAIMANT.table());
        assertThat(contentOf(after, CONTRACT)).isEqualTo("contract v2");
        assertThat(contentOf(after, CLAIMANT)).isEqualTo("claimant v2");
        assertThat(after.tables()).containsExactly(CLAIMANT, CONTRACT);
    }

    @Test
    void supersededVersionsAreDeletedAfterTheCommit() throws IOException {
        TableVersion v1 = version(CONTRACT, "v1");
        TableVersion s1 = version(STATEMENT, "s1");
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v1, STATEMENT.table(), s1));
        TableVersion v2 = version(CONTRACT, "v2");
        assertThat(stored(v1)).isTrue();

        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v2));

        assertThat(stored(v1)).isFalse();
        assertThat(stored(s1)).as("a table the commit dropped").isFalse();
        assertThat(stored(v2)).isTrue();
    }

    @Test
    void aVersionTwoDatabasesShareSurvivesUntilNeitherNamesIt() throws IOException {
        String published = "ucs_latest_unredacted";
        TableName publishedContract = new TableName(published, CONTRACT.table());
        TableVersion v1 = version(CONTRACT, "v1");
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v1));
        TableVersion shared = warehouse.current(CONTRACT.database()).get(CONTRACT.table());
        warehouse.commit(published, Map.of(CONTRACT.table(), shared));

        TableVersion v2 = version(CONTRACT, "v2");
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v2));

        assertThat(stored(v1)).as("still published").isTrue();
        assertThat(contentOf(open(), publishedContract)).isEqualTo("v1");
        assertThat(contentOf(open(), CONTRACT)).isEqualTo("v2");

        warehouse.commit(published, Map.of(CONTRACT.table(), warehouse.current(CONTRACT.database())
                .get(CONTRACT.table())));

        assertThat(stored(v1)).isFalse();
        assertThat(contentOf(open(), publishedContract)).isEqualTo("v2");
        assertThat(open().databases()).containsExactly(CONTRACT.database(), published);
    }

    @Test
    void aCommitKeepsTheVersionsThisInstanceIsAboutToCommitElsewhere() throws IOException {
        TableVersion redacted = version(new TableName("ucs_latest_redacted", "core_contract"), "redacted");
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), version(CONTRACT, "v1")));

        assertThat(stored(redacted)).isTrue();
        warehouse.commit("ucs_latest_redacted", Map.of("core_contract", redacted));
        assertThat(contentOf(open(), new TableName("ucs_latest_redacted", "core_contract"))).isEqualTo("redacted");
    }

    @Test
    void discardPendingDeletesWhatWasWrittenAndNotCommitted() throws IOException {
        TableVersion committed = version(CONTRACT, "v1");
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), committed));
        TableVersion abandoned = version(CONTRACT, "v2");
        TableVersion abandonedElsewhere = version(new TableName("ucs_latest_redacted", "core_contract"), "r");

        warehouse.discardPending();

        assertThat(stored(abandoned)).isFalse();
        assertThat(stored(abandonedElsewhere)).isFalse();
        assertThat(stored(committed)).isTrue();
        assertThat(contentOf(open(), CONTRACT)).isEqualTo("v1");
    }

    @Test
    void databasesAndTablesAreListedInNameOrder() throws IOException {
        Map<String, TableVersion> zeta = new LinkedHashMap<>();
        zeta.put("b_table", version(new TableName("zeta", "b_table"), "b"));
        zeta.put("a_table", version(new TableName("zeta", "a_table"), "a"));
        warehouse.commit("zeta", zeta);
        warehouse.commit("alpha", Map.of("only", version(new TableName("alpha", "only"), "o")));
        warehouse.files().create("quarantine/run-1/core_contract.jsonl").close();

        assertThat(open().databases()).as("a folder of files is no database").containsExactly("alpha", "zeta");
        assertThat(open().tables()).containsExactly(new TableName("alpha", "only"), new TableName("zeta", "a_table"),
                new TableName("zeta", "b_table"));
    }

    @Test
    void aFileAppearsOnlyWhenItsStreamIsClosed() throws IOException {
        FileArea files = warehouse.files();
        String path = "quarantine/run-1/core_contract.jsonl";
        try (OutputStream out = files.create(path)) {
            out.write("{\"line\":1}\n".getBytes(UTF_8));
            out.flush();
            assertThat(exists(open().files(), path)).isFalse();
        }

        assertThat(text(open().files().open(path))).isEqualTo("{\"line\":1}\n");
        assertThat(files.location(path)).isEqualTo(warehouse.root().resolve(path));
    }

    @Test
    void aNewFileReplacesOneOfTheSameName() throws IOException {
        FileArea files = warehouse.files();
        try (OutputStream out = files.create(".runs/run-1/input.json")) {
            out.write("first".getBytes(UTF_8));
        }
        try (OutputStream out = files.create(".runs/run-1/input.json")) {
            out.write("second".getBytes(UTF_8));
        }

        assertThat(text(files.open(".runs/run-1/input.json"))).isEqualTo("second");
        assertThat(exists(files, ".runs/run-1/other.json")).isFalse();
    }

    @Test
    void deleteTreeDeletesAFolderAndEverythingBelowItOnly() throws IOException {
        FileArea files = warehouse.files();
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
        Optional<InputStream> in = files.open(path);
        if (in.isPresent()) {
            in.get().close();
        }
        return in.isPresent();
    }

    private static String text(Optional<InputStream> in) throws IOException {
        assertThat(in).isPresent();
        try (InputStream s = in.get()) {
            return new String(s.readAllBytes(), UTF_8);
        }
    }
}
