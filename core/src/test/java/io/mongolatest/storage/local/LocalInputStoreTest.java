package io.mongolatest.storage.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.InputStoreContract;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StoredObject;

final class LocalInputStoreTest extends InputStoreContract {
    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("input");
    }

    @Override
    protected InputStore store() {
        return new LocalInputStore(LocalLocation.of(root()));
    }

    @Override
    protected InputStore storeOverMissingRoot() {
        return new LocalInputStore(LocalLocation.of(dir.resolve("no-such-folder")));
    }

    @Override
    protected void put(String relativePath, byte[] body) throws IOException {
        Path p = root().resolve(relativePath);
        Files.createDirectories(p.getParent());
        Files.write(p, body);
    }

    @Override
    protected void delete(String relativePath) throws IOException {
        Files.delete(root().resolve(relativePath));
    }

    @Test
    void aLinkLeadingOutOfTheRootIsRefused() throws IOException {
        put("full/a.json", "{}".getBytes(UTF_8));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for the product");
        Files.createSymbolicLink(root().resolve("full/b.json"), secret);

        assertThatThrownBy(() -> store().list()).isInstanceOfSatisfying(MongoLatestException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.USER);
            assertThat(e.getMessage()).contains("full/b.json").contains("outside the input folder");
        });
    }

    @Test
    void aLinkInsideTheRootIsFollowed() throws IOException {
        put("data/a.json", "{\"x\":1}".getBytes(UTF_8));
        Files.createSymbolicLink(root().resolve("alias"), root().resolve("data"));

        assertThat(store().list()).extracting(StoredObject::relativePath).containsExactly("alias/a.json",
                "data/a.json");
    }

    @Test
    void aFileRewrittenWithAsManyBytesHasANewIdentityByItsTime() throws IOException {
        put("x.json", "{\"a\":1}".getBytes(UTF_8));
        StoredObject before = store().list().get(0);
        put("x.json", "{\"a\":2}".getBytes(UTF_8));
        // Said explicitly: two writes within one millisecond would have the same time.
        Files.setLastModifiedTime(root().resolve("x.json"), FileTime.fromMillis(
                Files.getLastModifiedTime(root().resolve("x.json")).toMillis() + 2000));

        assertThat(store().list().get(0).identity()).isNotEqualTo(before.identity());
    }

    @Test
    void aRootThatIsAFileIsAUserError() throws IOException {
        Path file = Files.writeString(dir.resolve("export.json"), "{}");

        assertThatThrownBy(() -> new LocalInputStore(LocalLocation.of(file)).list())
                .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.getMessage()).contains("is a file"));
    }
}
