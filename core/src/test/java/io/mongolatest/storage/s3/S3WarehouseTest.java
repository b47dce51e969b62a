package io.mongolatest.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;
import io.mongolatest.storage.WarehouseContract;

@ExtendWith(S3ProxyExtension.class)
final class S3WarehouseTest extends WarehouseContract {
    private static final TableName CONTRACT = new TableName("uc_mongo_latest", "core_contract");

    private final S3Objects objects;
    private final S3Location root;

    @TempDir
    Path tmp;

    S3WarehouseTest(S3ProxyServer s3) {
        this.objects = s3.objects();
        this.root = s3.createBucket().resolve("data/warehouse");
    }

    @Override
    protected Warehouse open() {
        return new S3Warehouse(objects, root, Clock.systemUTC(), tmp);
    }

    @Override
    protected void write(TableVersion version, String name, byte[] body) {
        objects.put(((S3Location) version.location()).resolve(name), body);
    }

    @Override
    protected Map<String, byte[]> read(Location location) throws IOException {
        S3Location prefix = (S3Location) location;
        Map<String, byte[]> out = new TreeMap<>();
        for (S3ObjectInfo o : objects.list(prefix)) {
            try (InputStream in = objects.open(o)) {
                out.put(o.keyBelow(prefix), in.readAllBytes());
            }
        }
        return out;
    }

    @Override
    protected boolean stored(TableVersion version) {
        return objects.any((S3Location) version.location());
    }

    private TableVersion written(Warehouse w, TableName t, String content) {
        TableVersion v = w.newVersion(t);
        write(v, "part-0.parquet", content.getBytes(UTF_8));
        return v;
    }

    @Test
    void eachVersionHasItsOwnPrefixAndTheManifestNamesItForReaders() throws IOException {
        TableVersion v = written(warehouse, CONTRACT, "v1");
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), v));

        assertThat(v.location()).isEqualTo(root.resolve("uc_mongo_latest/core_contract/" + v.id()));
        assertThat(warehouse.tableLocation(CONTRACT)).isEqualTo(v.location());
        JsonNode manifest = new ObjectMapper().readTree(objects.read(root.resolve("uc_mongo_latest/_current.json"))
                .orElseThrow().body());
        assertThat(manifest.get("format").asInt()).isEqualTo(1);
        assertThat(manifest.get("database").asText()).isEqualTo("uc_mongo_latest");
        JsonNode table = manifest.get("tables").get("core_contract");
        assertThat(table.get("version").asText()).isEqualTo(v.id());
        assertThat(table.get("written_for").asText()).isEqualTo("uc_mongo_latest.core_contract");
        assertThat(table.get("location").asText()).isEqualTo(v.location() + "/");
    }

    @Test
    void aCommitThatLostARaceFailsAndLeavesTheWinnersCommit() {
        Warehouse other = open();
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), written(warehouse, CONTRACT, "v1")));
        // Both read the same manifest; the other commits first.
        assertThat(other.current(CONTRACT.database())).hasSize(1);
        TableVersion mine = written(warehouse, CONTRACT, "mine");
        TableVersion theirs = written(other, CONTRACT, "theirs");
        other.commit(CONTRACT.database(), Map.of(CONTRACT.table(), theirs));

        assertThatThrownBy(() -> warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), mine)))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                    assertThat(e.getMessage()).contains("cannot commit uc_mongo_latest")
                            .contains("changed by another writer");
                });
        assertThat(open().current(CONTRACT.database()).get(CONTRACT.table()).id()).isEqualTo(theirs.id());
    }

    @Test
    void twoFirstCommitsOfADatabaseCannotBothWin() {
        Warehouse other = open();
        assertThat(warehouse.current(CONTRACT.database())).isEmpty();
        assertThat(other.current(CONTRACT.database())).isEmpty();
        TableVersion theirs = written(other, CONTRACT, "theirs");
        other.commit(CONTRACT.database(), Map.of(CONTRACT.table(), theirs));

        assertThatThrownBy(() -> warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(),
                written(warehouse, CONTRACT, "mine")))).isInstanceOf(MongoLatestException.class)
                .hasMessageContaining("changed by another writer");
        assertThat(open().current(CONTRACT.database()).get(CONTRACT.table()).id()).isEqualTo(theirs.id());
    }

    @Test
    void aVersionOfAnotherWarehouseIsRefused() {
        TableVersion foreign = new TableVersion(CONTRACT, "1-abc", root.resolve("elsewhere/core_contract/1-abc"));

        assertThatThrownBy(() -> warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), foreign)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(warehouse.databases()).isEmpty();
    }

    @Test
    void aVersionLeftByAKilledWriterIsDeletedByTheNextCommit() {
        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), written(warehouse, CONTRACT, "v1")));
        // A process that died after uploading, before its commit: nothing names its version.
        TableVersion orphan = written(open(), CONTRACT, "orphan");

        warehouse.commit(CONTRACT.database(), Map.of(CONTRACT.table(), written(warehouse, CONTRACT, "v2")));

        assertThat(stored(orphan)).isFalse();
    }

    @Test
    void aTableTheDatabaseLacksIsAUserError() {
        assertThatThrownBy(() -> warehouse.tableLocation(CONTRACT)).isInstanceOfSatisfying(MongoLatestException.class,
                e -> assertThat(e.getMessage()).isEqualTo("no table uc_mongo_latest.core_contract in the warehouse "
                        + root));
    }
}
