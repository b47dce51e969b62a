package io.mongolatest.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.Locations;
import io.mongolatest.storage.MirroredWarehouse;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;
import io.mongolatest.storage.WarehouseContract;

/** An S3 warehouse as an engine without S3 sees it: the same contract, through local staging folders. */
@ExtendWith(S3ProxyExtension.class)
final class MirroredS3WarehouseTest extends WarehouseContract {
    private static final TableName CONTRACT = new TableName("uc_mongo_latest", "core_contract");

    private final S3Objects objects;
    private final S3Location root;

    @TempDir
    Path dir;

    MirroredS3WarehouseTest(S3ProxyServer s3) {
        this.objects = s3.objects();
        this.root = s3.createBucket().resolve("warehouse");
    }

    @Override
    protected Warehouse open() {
        return mirrored(dir.resolve("mirror"));
    }

    private Warehouse mirrored(Path mirror) {
        S3Warehouse store = new S3Warehouse(objects, root, Clock.systemUTC(), dir);
        return new MirroredWarehouse(store, store, mirror);
    }

    /** In the local staging folder or mirror, or on the store. */
    @Override
    protected boolean stored(TableVersion version) {
        return Files.exists(version.localDirectory("the test")) || onTheStore(version);
    }

    /** What readers of other machines see. */
    private boolean onTheStore(TableVersion version) {
        return objects.any(root.resolve(version.table().database()).resolve(version.table().table())
                .resolve(version.id()));
    }

    /** A version of the contract table written and committed through a mirror of its own. */
    private TableVersion committedOnAnotherMachine(String content) throws IOException {
        Warehouse elsewhere = mirrored(dir.resolve("other-machine"));
        TableVersion v = elsewhere.newVersion(CONTRACT);
        write(v, "part-0.parquet", content.getBytes(UTF_8));
        elsewhere.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v));
        return v;
    }

    @Test
    void theEngineWritesAndReadsLocalFoldersAndTheStoreGetsTheCommittedVersion() throws IOException {
        TableVersion v = warehouse.newVersion(CONTRACT);
        assertThat(v.location()).isInstanceOf(LocalLocation.class);
        write(v, "part-0.parquet", "v1".getBytes(UTF_8));
        assertThat(onTheStore(v)).as("uploaded only by its commit").isFalse();

        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v));

        S3Location remote = root.resolve("uc_mongo_latest/core_contract/" + v.id());
        assertThat(objects.list(remote)).extracting(o -> o.keyBelow(remote)).containsExactly("part-0.parquet");
        assertThat(warehouse.tableLocation(CONTRACT)).isEqualTo(v.location());
    }

    @Test
    void aVersionWrittenOnAnotherMachineIsDownloadedWhenFirstRead() throws IOException {
        TableVersion v = committedOnAnotherMachine("from elsewhere");

        Location here = warehouse.tableLocation(CONTRACT);

        assertThat(Locations.localPath(here, "the test")).startsWith(dir.resolve("mirror"));
        assertThat(read(here).get("part-0.parquet")).isEqualTo("from elsewhere".getBytes(UTF_8));
        try (Stream<Path> left = Files.list(Locations.localPath(here, "the test").getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no download folder left")
                    .containsExactly(v.id());
        }
    }

    @Test
    void theMirrorKeepsOnlyVersionsADatabaseNames() throws IOException {
        TableVersion v1 = warehouse.newVersion(CONTRACT);
        write(v1, "part-0.parquet", "v1".getBytes(UTF_8));
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v1));
        TableVersion v2 = warehouse.newVersion(CONTRACT);
        write(v2, "part-0.parquet", "v2".getBytes(UTF_8));
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v2));

        assertThat(Files.exists(v1.localDirectory("the test"))).isFalse();
        assertThat(Files.exists(v2.localDirectory("the test"))).isTrue();
    }

    @Test
    void aVersionGoneFromTheStoreBeforeItsDownloadFailsAndLeavesNoEmptyCopy() throws IOException {
        TableVersion v = committedOnAnotherMachine("v1");
        // As if a newer commit had replaced it and deleted it between our reading the manifest and the download.
        objects.deletePrefix(root.resolve("uc_mongo_latest/core_contract/" + v.id()));

        assertThatThrownBy(() -> warehouse.tableLocation(CONTRACT)).isInstanceOf(MongoLatestException.class)
                .hasMessageContaining("is gone from the store");
        assertThat(dir.resolve("mirror/uc_mongo_latest/core_contract")).isEmptyDirectory();
    }
}
