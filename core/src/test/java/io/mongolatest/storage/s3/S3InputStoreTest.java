package io.mongolatest.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.InputStoreContract;
import io.mongolatest.storage.StoredObject;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

@ExtendWith(S3ProxyExtension.class)
final class S3InputStoreTest extends InputStoreContract {
    private final S3ProxyServer s3;
    private final S3Location bucket;
    private final S3Objects objects;

    S3InputStoreTest(S3ProxyServer s3) {
        this.s3 = s3;
        this.bucket = s3.createBucket();
        this.objects = s3.objects();
    }

    private S3Location root() {
        return bucket.resolve("exports/input");
    }

    @Override
    protected InputStore store() {
        return new S3InputStore(objects, root());
    }

    @Override
    protected InputStore storeOverMissingRoot() {
        return new S3InputStore(objects, bucket.resolve("no-such-prefix"));
    }

    @Override
    protected void put(String relativePath, byte[] body) {
        objects.put(root().resolve(relativePath), body);
    }

    @Override
    protected void delete(String relativePath) {
        objects.delete(root().resolve(relativePath));
    }

    @Test
    void theIdentityIsTheEtagSoSameSizedNewBytesChangeIt() {
        put("x.json", "{\"a\":1}".getBytes(UTF_8));
        StoredObject before = store().list().get(0);
        put("x.json", "{\"a\":2}".getBytes(UTF_8));
        StoredObject after = store().list().get(0);

        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.identity()).isNotEqualTo(before.identity())
                .isEqualTo(objects.head(root().resolve("x.json")).orElseThrow().etag());
    }

    @Test
    void anObjectReplacedSinceTheListingFailsClearlyInsteadOfGivingOtherBytes() {
        put("c.json", "old".getBytes(UTF_8));
        StoredObject listed = store().list().get(0);
        put("c.json", "new".getBytes(UTF_8));

        assertThatThrownBy(() -> store().open(listed).close()).isInstanceOfSatisfying(MongoLatestException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.USER);
                    assertThat(e.getMessage()).isEqualTo("input object " + root().resolve("c.json")
                            + " changed during the run (its ETag is no longer " + listed.identity()
                            + "): run again to read the new export");
                });
    }

    @Test
    void consoleFolderMarkersAreNoObjectsOfTheExport() throws IOException {
        // What the S3 console's "create folder" leaves: an empty object whose key ends in a slash.
        s3.client().putObject(b -> b.bucket(bucket.bucket()).key(root().keyPrefix() + "full/"),
                software.amazon.awssdk.core.sync.RequestBody.empty());
        put("full/a.json", "{}".getBytes(UTF_8));

        assertThat(store().list()).extracting(StoredObject::relativePath).containsExactly("full/a.json");
        try (InputStream in = store().open(store().list().get(0))) {
            assertThat(in.readAllBytes()).isEqualTo("{}".getBytes(UTF_8));
        }
    }

    @Test
    void aMissingBucketIsAUserErrorNamingIt() {
        InputStore store = new S3InputStore(objects, S3Location.parse("s3://missing-bucket/x"));

        assertThatThrownBy(store::list).isInstanceOfSatisfying(MongoLatestException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.USER);
            assertThat(e.getMessage()).startsWith("cannot list s3://missing-bucket/x: the bucket missing-bucket"
                    + " does not exist");
        });
    }

    @Test
    void aRootThatIsAnObjectIsAUserError() {
        objects.put(root(), "{}".getBytes(UTF_8));

        assertThatThrownBy(() -> store().list()).isInstanceOfSatisfying(MongoLatestException.class,
                e -> assertThat(e.getMessage()).contains("is an object"));
    }

    /** s3proxy's file system store lists files put there by hand so; AWS always sends ETags. */
    @Test
    void aStoreThatListsObjectsWithoutAnEtagIsRefusedClearly() {
        put("full/a.json", "{}".getBytes(UTF_8));
        ExecutionInterceptor dropEtags = new ExecutionInterceptor() {
            @Override
            public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                if (context.response() instanceof ListObjectsV2Response list) {
                    return list.toBuilder().contents(list.contents().stream()
                            .map(o -> o.toBuilder().eTag(null).build()).toList()).build();
                }
                return context.response();
            }
        };
        try (S3Client client = s3.newClient(dropEtags)) {
            InputStore store = new S3InputStore(new S3Objects(client, S3TransferSettings.defaults()), root());

            assertThatThrownBy(store::list).isInstanceOfSatisfying(MongoLatestException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                assertThat(e.getMessage()).contains(root().resolve("full/a.json") + " without an ETag");
            });
        }
    }
}
