package io.mongolatest.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

/**
 * What every {@link InputStore} promises. A store's test extends this class and says how to reach a fresh,
 * empty root (which exists as soon as it holds an object) and how to write and delete objects in it behind
 * the store's back, as the upstream export does.
 */
public abstract class InputStoreContract {

    /** The store over the test's root. */
    protected abstract InputStore store();

    /** A store over a root that does not exist. */
    protected abstract InputStore storeOverMissingRoot();

    /** Writes (or replaces) the object at {@code relativePath} below the root. */
    protected abstract void put(String relativePath, byte[] body) throws IOException;

    protected abstract void delete(String relativePath) throws IOException;

    @Test
    void listsEveryObjectAtAnyDepthSortedByPathHiddenOnesIncluded() throws IOException {
        for (String p : List.of("incremental/b.json", "full/2026-11-20_00-00-00/core/contract/part-1.json",
                "full/2026-11-20_00-00-00/core/contract/part-0.json.gz", "z", ".hidden", "full/.marker/x",
                "full/2026-11-20_00-00-00/core/a-b/_SUCCESS")) {
            put(p, p.getBytes(UTF_8));
        }

        assertThat(store().list()).extracting(StoredObject::relativePath).containsExactly(".hidden",
                "full/.marker/x", "full/2026-11-20_00-00-00/core/a-b/_SUCCESS",
                "full/2026-11-20_00-00-00/core/contract/part-0.json.gz",
                "full/2026-11-20_00-00-00/core/contract/part-1.json", "incremental/b.json", "z");
    }

    @Test
    void eachObjectHasItsSizeNameAndLocation() throws IOException {
        put("a/b/c.json", new byte[1234]);
        put("a/empty.json", new byte[0]);

        List<StoredObject> listed = store().list();

        assertThat(listed).extracting(StoredObject::relativePath, StoredObject::size, StoredObject::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a/b/c.json", 1234L, "c.json"),
                        org.assertj.core.groups.Tuple.tuple("a/empty.json", 0L, "empty.json"));
        assertThat(store().locationOf(listed.get(0))).isEqualTo(store().root().resolve("a/b/c.json"));
        assertThat(store().locationOf(listed.get(0)).toString()).endsWith("/a/b/c.json");
    }

    @Test
    void identityStaysWhileNothingChangesAndChangesWithTheContent() throws IOException {
        put("x.json", "{\"a\":1}".getBytes(UTF_8));
        put("y.json", "{\"b\":2}".getBytes(UTF_8));
        List<StoredObject> first = store().list();
        assertThat(store().list()).isEqualTo(first);

        put("x.json", "{\"a\":100}".getBytes(UTF_8));
        List<StoredObject> second = store().list();

        assertThat(second.get(0).identity()).isNotEqualTo(first.get(0).identity());
        assertThat(second.get(1)).isEqualTo(first.get(1));
    }

    @Test
    void statGivesAnObjectAsAListingWouldNowOrNothingOnceItIsGone() throws IOException {
        put("d/x.json", "{\"a\":1}".getBytes(UTF_8));
        StoredObject listed = store().list().get(0);
        assertThat(store().stat(listed)).contains(listed);

        put("d/x.json", "{\"a\":1000}".getBytes(UTF_8));
        StoredObject now = store().stat(listed).orElseThrow();
        assertThat(now).isEqualTo(store().list().get(0)).isNotEqualTo(listed);
        assertThat(now.size()).isEqualTo(10);

        delete("d/x.json");
        assertThat(store().stat(listed)).isEmpty();
    }

    @Test
    void opensAnObjectAsAStreamOfItsBytes() throws IOException {
        byte[] body = new byte[3 * 1024 * 1024 + 5];
        new Random(7).nextBytes(body);
        put("big.json.gz", body);
        StoredObject o = store().list().get(0);

        try (InputStream in = store().open(o)) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void aRootThatDoesNotExistIsAUserErrorNamingIt() {
        InputStore missing = storeOverMissingRoot();

        assertThatThrownBy(missing::list).isInstanceOfSatisfying(MongoLatestException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.USER);
            assertThat(e.getMessage()).contains(missing.root().toString()).doesNotContain("\n");
        });
    }

    @Test
    void anObjectThatVanishedSinceTheListingIsAUserErrorNamingIt() throws IOException {
        put("gone/soon.json", "{}".getBytes(UTF_8));
        put("stays.json", "{}".getBytes(UTF_8));
        StoredObject gone = store().list().get(0);
        delete("gone/soon.json");

        assertThatThrownBy(() -> store().open(gone).close()).isInstanceOfSatisfying(MongoLatestException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.USER);
            assertThat(e.getMessage()).contains("gone/soon.json").contains("disappeared");
        });
    }

    /** The contract lets a store fail or give the new bytes; never the listed size of old bytes with new ones. */
    @Test
    void anObjectChangedSinceTheListingFailsAsAUserErrorOrGivesTheNewBytes() throws IOException {
        put("c.json", "old".getBytes(UTF_8));
        StoredObject listed = store().list().get(0);
        put("c.json", "the new bytes".getBytes(UTF_8));

        try (InputStream in = store().open(listed)) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("the new bytes");
        } catch (MongoLatestException e) {
            assertThat(e.kind()).isEqualTo(ErrorKind.USER);
            assertThat(e.getMessage()).contains("c.json");
        }
    }
}
