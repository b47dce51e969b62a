package io.mongolatest.storage.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.Locations;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;
import io.mongolatest.storage.WarehouseContract;

final class LocalWarehouseTest extends WarehouseContract {
    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("warehouse");
    }

    @Override
    protected Warehouse open() {
        return new LocalWarehouse(root(), Clock.systemUTC());
    }

    @Override
    protected boolean stored(TableVersion version) {
        return Files.exists(version.localDirectory("the test"));
    }

    @Test
    void aTableIsFoundAtTheSameFolderAcrossCommits() throws IOException {
        TableName t = new TableName("uc_mongo_latest", "core_contract");
        TableVersion v1 = warehouse.newVersion(t);
        write(v1, "part-0.parquet", "v1".getBytes(UTF_8));
        warehouse.commit(t.database(), Map.of(t.table(), v1));
        Location before = warehouse.tableLocation(t);
        TableVersion v2 = warehouse.newVersion(t);
        write(v2, "part-0.parquet", "v2".getBytes(UTF_8));
        warehouse.commit(t.database(), Map.of(t.table(), v2));

        assertThat(warehouse.tableLocation(t)).isEqualTo(before).isEqualTo(Locations.parse(
                root().resolve("uc_mongo_latest/core_contract").toString(), "--warehouse"));
        assertThat(Files.isSymbolicLink(root().resolve("uc_mongo_latest"))).isTrue();
        assertThat(read(before).get("part-0.parquet")).isEqualTo("v2".getBytes(UTF_8));
    }

    @Test
    void versionsAndFilesAreReadableByTheirOwnerOnly() throws IOException {
        TableVersion v = warehouse.newVersion(new TableName("uc_mongo_latest", "core_contract"));
        try (OutputStream out = warehouse.files().create("quarantine/run-1/core_contract.jsonl")) {
            out.write("{}".getBytes(UTF_8));
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(v.localDirectory("the test"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root().resolve("quarantine/run-1"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                root().resolve("quarantine/run-1/core_contract.jsonl")))).isEqualTo("rw-------");
    }
}
