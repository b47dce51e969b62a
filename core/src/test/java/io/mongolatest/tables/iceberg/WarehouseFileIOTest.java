package io.mongolatest.tables.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;

/**
 * {@link WarehouseFileIO} opened with the catalog properties the product makes: the same file operations on a
 * local warehouse and on an S3 one (s3proxy, reached through the S3 endpoint, path-style, with the credentials
 * the SDK finds).
 */
@ExtendWith(S3ProxyExtension.class)
final class WarehouseFileIOTest {

    @Test
    void writesReadsListsAndDeletesLocalFiles(@TempDir Path dir) {
        Location warehouse = LocalLocation.of(dir.resolve("wh"));
        check(warehouse, io(CatalogSpec.parse("sqlite"), warehouse, StorageSettings.defaults()));
    }

    @Test
    void writesReadsListsAndDeletesS3Objects(S3ProxyServer s3, @TempDir Path dir) throws Exception {
        Location warehouse = s3.createBucket().resolve("wh");
        try (AutoCloseable credentials = s3.credentialsInSystemProperties()) {
            check(warehouse, io(CatalogSpec.parse("sqlite:" + dir.resolve("c.db")), warehouse,
                    StorageSettings.of(s3.endpoint().toString())));
        }
    }

    private static WarehouseFileIO io(CatalogSpec spec, Location warehouse, StorageSettings storage) {
        WarehouseFileIO io = new WarehouseFileIO();
        io.initialize(IcebergCatalogs.properties(spec, warehouse, storage, CatalogEndpoints.none()));
        return io;
    }

    private static void check(Location warehouse, WarehouseFileIO io) {
        try (io) {
            String root = warehouse + "/db/t/data";
            String a = root + "/a.parquet";
            String b = root + "/sub/b.parquet";
            write(io, a, "first file");
            write(io, b, "the second file");
            write(io, warehouse + "/db/other/c.parquet", "elsewhere");

            InputFile in = io.newInputFile(a);
            assertThat(in.exists()).isTrue();
            assertThat(in.getLength()).isEqualTo("first file".length());
            assertThat(read(in)).isEqualTo("first file");
            assertThat(read(io.newInputFile(b, 15))).isEqualTo("the second file");

            assertThat(list(io, root)).containsExactlyInAnyOrder(a + " 10", b + " 15");

            io.deleteFile(a);
            assertThat(io.newInputFile(a).exists()).isFalse();
            assertThatThrownBy(() -> read(io.newInputFile(a))).isInstanceOf(NotFoundException.class);
            io.deletePrefix(root);
            assertThat(list(io, root)).isEmpty();
            assertThat(list(io, warehouse + "/db")).containsExactly(warehouse + "/db/other/c.parquet 9");
        }
    }

    private static void write(WarehouseFileIO io, String location, String text) {
        try (PositionOutputStream out = io.newOutputFile(location).create()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputFile file) {
        try (InputStream in = file.newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(WarehouseFileIO io, String prefix) {
        List<String> out = new ArrayList<>();
        for (FileInfo f : io.listPrefix(prefix)) {
            out.add(f.location() + " " + f.size());
        }
        return out;
    }
}
