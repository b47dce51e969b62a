package io.mongolatest.product.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.product.InputFixture;

class SnapshotDiscoveryTest {
    private static final LocalDate DATE = LocalDate.of(2024, 3, 4);

    @TempDir
    Path input;

    private InputFixture fixture() {
        return new InputFixture(input);
    }

    private InputSet select(SnapshotType type) {
        return SnapshotDiscovery.select(input, DATE, type);
    }

    private static List<String> files(InputSet s) {
        return s.collections().stream().flatMap(c -> c.files().stream()).map(InputFile::relativePath).toList();
    }

    private void assertUserError(SnapshotType type, String message) {
        assertThatThrownBy(() -> select(type)).isInstanceOfSatisfying(MongoLatestException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER)).hasMessageContaining(message);
    }

    @Test
    void incrementalTakesTheNewestFullAndTheIncrementalsFromItsTimeUpToTheExportDate() throws IOException {
        fixture().file("full/2024-02-01_00-00-00/core/contract/a.json", "{}")
                .file("full/2024-03-01_01-00-00/core/contract/a.json", "{}")
                .file("full/2024-03-05_00-00-00/core/contract/a.json", "{}")
                .file("incremental/2024-02-20_00-00-00/core/contract/a.json", "{}")
                .file("incremental/2024-03-01_01-00-00/core/contract/a.json", "{}")
                .file("incremental/2024-03-04_23-59-59/core/contract/a.json", "{}")
                .file("incremental/2024-03-05_00-00-00/core/contract/a.json", "{}");
        InputSet s = select(SnapshotType.INCREMENTAL);
        assertThat(s.snapshots()).extracting(Snapshot::path).containsExactly("full/2024-03-01_01-00-00",
                "incremental/2024-03-01_01-00-00", "incremental/2024-03-04_23-59-59");
        assertThat(s.warnings()).isEmpty();
        assertThat(files(s)).containsExactly("full/2024-03-01_01-00-00/core/contract/a.json",
                "incremental/2024-03-01_01-00-00/core/contract/a.json",
                "incremental/2024-03-04_23-59-59/core/contract/a.json");
        assertThat(select(SnapshotType.FULL).snapshots()).extracting(Snapshot::path)
                .containsExactly("full/2024-03-01_01-00-00");
    }

    @Test
    void withoutAFullSnapshotIncrementalReadsTheIncrementalsAndWarns() throws IOException {
        fixture().file("incremental/2024-03-02_00-00-00/core/contract/a.json", "{}")
                .file("incremental/2024-03-01_00-00-00/core/contract/a.json", "{}");
        InputSet s = select(SnapshotType.INCREMENTAL);
        assertThat(s.snapshots()).extracting(Snapshot::id).containsExactly("2024-03-01_00-00-00", "2024-03-02_00-00-00");
        assertThat(s.warnings()).singleElement().asString().contains("no full snapshot");
        assertUserError(SnapshotType.FULL, "no full snapshot dated on or before 2024-03-04");
    }

    @Test
    void refusesInputThatCannotBeRead() throws IOException {
        assertThatThrownBy(() -> SnapshotDiscovery.select(input.resolve("missing"), DATE, SnapshotType.FULL))
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("does not exist");
        assertUserError(SnapshotType.INCREMENTAL, "no snapshot dated on or before 2024-03-04");
        fixture().file("full/2024-03-05_00-00-00/core/contract/a.json", "{}");
        assertUserError(SnapshotType.INCREMENTAL, "no snapshot dated on or before");
        fixture().file("full/2024-03-01_00-00-00/_tmp/a.json", "{}");
        assertUserError(SnapshotType.FULL, "hold no collection folders");
    }

    @Test
    void normalisesDatabaseAndCollectionNames() throws IOException {
        fixture().file("full/2024-03-01_00-00-00/Accepted-Data/personDetails/a.json", "{}")
                .file("incremental/2024-03-02_00-00-00/accepted-data/PersonDetails/b.json", "{}");
        InputSet s = select(SnapshotType.INCREMENTAL);
        assertThat(s.collections()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(new CollectionKey("accepted_data", "persondetails"));
            assertThat(c.key().table().toString()).isEqualTo("uc_mongo_latest.accepted_data_persondetails");
            assertThat(c.files()).hasSize(2);
        });
    }

    @Test
    void rejectsNamesThatAreNotIdentifiers() throws IOException {
        for (String bad : new String[] {"1core", "core.db", "core db", "é", "_x-"}) {
            Path dir = Files.createTempDirectory(input, "case");
            new InputFixture(dir).file("full/2024-03-01_00-00-00/core/" + bad + "/a.json", "{}");
            if (bad.startsWith("_")) {
                continue; // skipped like a _SUCCESS marker, not an error
            }
            assertThatThrownBy(() -> SnapshotDiscovery.select(dir, DATE, SnapshotType.FULL))
                    .isInstanceOf(MongoLatestException.class)
                    .hasMessageContaining("invalid collection folder name '" + bad + "'");
        }
    }

    @Test
    void rejectsAmbiguousLayouts() throws IOException {
        fixture().file("full/2024-03-01_00-00-00/core/to-do/a.json", "{}")
                .file("full/2024-03-01_00-00-00/core/to_do/a.json", "{}");
        assertUserError(SnapshotType.FULL, "both name the collection core.to_do");
    }

    @Test
    void rejectsTwoCollectionsThatWouldShareATable() throws IOException {
        fixture().file("full/2024-03-01_00-00-00/core/a_b/a.json", "{}")
                .file("full/2024-03-01_00-00-00/core_a/b/a.json", "{}");
        assertUserError(SnapshotType.FULL, "would both be the table uc_mongo_latest.core_a_b");
    }

    @Test
    void rejectsStrayFilesAndBadSnapshotNames() throws IOException {
        fixture().file("full/2024-03-01_00-00-00/core/contract/a.csv", "x");
        assertUserError(SnapshotType.FULL, "unexpected file full/2024-03-01_00-00-00/core/contract/a.csv");
        Files.delete(input.resolve("full/2024-03-01_00-00-00/core/contract/a.csv"));
        fixture().file("full/2024-03-01/core/contract/a.json", "{}");
        assertUserError(SnapshotType.FULL, "invalid snapshot folder full/2024-03-01");
    }

    @Test
    void skipsHiddenFilesAndMarkersAndOrdersFilesByName() throws IOException {
        fixture().file("full/2024-03-01_00-00-00/core/contract/part-10.json", "{}")
                .file("full/2024-03-01_00-00-00/core/contract/part-2.jsonl.gz", "{}")
                .file("full/2024-03-01_00-00-00/core/contract/part-1.json.gz", "{}")
                .file("full/2024-03-01_00-00-00/core/contract/part-3.jsonl", "{}")
                .file("full/2024-03-01_00-00-00/core/contract/_SUCCESS", "")
                .file("full/2024-03-01_00-00-00/core/contract/.part-1.json.crc", "")
                .file("full/.DS_Store", "");
        assertThat(files(select(SnapshotType.FULL))).containsExactly(
                "full/2024-03-01_00-00-00/core/contract/part-1.json.gz",
                "full/2024-03-01_00-00-00/core/contract/part-10.json",
                "full/2024-03-01_00-00-00/core/contract/part-2.jsonl.gz",
                "full/2024-03-01_00-00-00/core/contract/part-3.jsonl");
        assertThat(select(SnapshotType.FULL).warnings()).as("_SUCCESS is an expected marker").isEmpty();
    }

    @Test
    void warnsOfOtherUnderscoreEntriesItSkips() throws IOException {
        fixture().file("full/2024-03-01_00-00-00/core/contract/a.json", "{}")
                .file("full/2024-03-01_00-00-00/core/_archive/a.json", "{}");
        InputSet s = select(SnapshotType.FULL);
        assertThat(files(s)).containsExactly("full/2024-03-01_00-00-00/core/contract/a.json");
        assertThat(s.warnings()).singleElement().asString().contains("skipped 1 entry whose name starts with '_'")
                .contains("full/2024-03-01_00-00-00/core/_archive");
    }

    @Test
    void refusesALinkThatLeavesTheInputFolder(@TempDir Path elsewhere) throws IOException {
        fixture().file("full/2024-03-01_00-00-00/core/contract/a.json", "{}");
        Files.writeString(elsewhere.resolve("secret.json"), "{\"_id\": 1}\n");
        Path link = input.resolve("full/2024-03-01_00-00-00/core/contract/b.json");
        Files.createSymbolicLink(link, elsewhere.resolve("secret.json"));
        assertUserError(SnapshotType.FULL, "full/2024-03-01_00-00-00/core/contract/b.json is a link to "
                + elsewhere.toRealPath().resolve("secret.json") + ", outside the input folder");
        Files.delete(link);
        Files.createSymbolicLink(link, input.resolve("full/2024-03-01_00-00-00/core/contract/a.json"));
        assertThat(files(select(SnapshotType.FULL))).as("a link inside the input is fine").hasSize(2);
    }

    @Test
    void refusesAFifoOrSocketNamedLikeADataFileWithoutOpeningIt() throws Exception {
        fixture().file("full/2024-03-01_00-00-00/core/contract/a.json", "{}");
        Path fifo = input.resolve("full/2024-03-01_00-00-00/core/contract/x.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        // Opening a FIFO blocks until a writer comes: the listing must only look at it.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertUserError(SnapshotType.FULL,
                "input full/2024-03-01_00-00-00/core/contract/x.json is a FIFO, not a file"));
        Files.delete(fifo);
        Path socket = input.resolve("full/2024-03-01_00-00-00/core/contract/y.jsonl");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertUserError(SnapshotType.FULL,
                    "input full/2024-03-01_00-00-00/core/contract/y.jsonl is a socket, not a file");
        }
        Files.delete(socket);
        Files.createDirectories(input.resolve("full/2024-03-01_00-00-00/core/contract/z.json"));
        Files.writeString(input.resolve("full/2024-03-01_00-00-00/core/contract/z.json/a.json"), "{}");
        assertUserError(SnapshotType.FULL, "unexpected folder full/2024-03-01_00-00-00/core/contract/z.json");
    }

    @Test
    void aFileGivenAsTheInputFolderIsNamedAsSuch() throws IOException {
        Path file = input.resolve("export.json");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> SnapshotDiscovery.select(file, DATE, SnapshotType.FULL))
                .hasMessage("--input " + file + " is a file: give the folder that holds full/ and incremental/");
    }

    @Test
    void theDigestFollowsTheSelectedFilesAndTheirSizes() throws IOException {
        fixture().file("full/2024-03-01_00-00-00/core/contract/a.json", "{}");
        String before = select(SnapshotType.FULL).digest();
        assertThat(select(SnapshotType.FULL).digest()).isEqualTo(before);
        fixture().file("full/2024-03-01_00-00-00/core/contract/a.json", "{\"_id\": 1}");
        String grown = select(SnapshotType.FULL).digest();
        assertThat(grown).isNotEqualTo(before);
        fixture().file("incremental/2024-03-02_00-00-00/core/contract/a.json", "{}");
        assertThat(select(SnapshotType.INCREMENTAL).digest()).isNotEqualTo(grown);
        assertThat(select(SnapshotType.FULL).digest()).as("not selected by a full run").isEqualTo(grown);
        assertThat(select(SnapshotType.INCREMENTAL).description())
                .isEqualTo("1 full + 1 incremental snapshots (2024-03-01_00-00-00 to 2024-03-02_00-00-00), "
                        + "1 collection, 2 files, 14 B");
    }

    @Test
    void snapshotsOfTheSameTimeOrderFullFirst() {
        Snapshot full = Snapshot.parse(SnapshotType.FULL, "2024-03-01_00-00-00").orElseThrow();
        Snapshot incremental = Snapshot.parse(SnapshotType.INCREMENTAL, "2024-03-01_00-00-00").orElseThrow();
        Snapshot later = Snapshot.parse(SnapshotType.FULL, "2024-03-01_00-00-01").orElseThrow();
        assertThat(List.of(later, incremental, full).stream().sorted().toList()).containsExactly(full, incremental, later);
        assertThat(Snapshot.parse(SnapshotType.FULL, "2024-02-30_00-00-00")).isEmpty();
    }
}
