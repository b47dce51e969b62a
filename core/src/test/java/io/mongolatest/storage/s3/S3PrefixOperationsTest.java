package io.mongolatest.storage.s3;

import static io.mongolatest.storage.s3.S3ObjectsTest.pagesOf;
import static io.mongolatest.storage.s3.S3ObjectsTest.randomBytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.DataSize;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Copying and deleting everything under a prefix: how table versions are staged and superseded ones dropped. */
@ExtendWith(S3ProxyExtension.class)
final class S3PrefixOperationsTest {
    private final S3ProxyServer s3;
    private final S3Location bucket;
    private final S3Objects objects;

    S3PrefixOperationsTest(S3ProxyServer s3) {
        this.s3 = s3;
        this.bucket = s3.createBucket();
        this.objects = s3.objects();
    }

    @Test
    void copiesEveryObjectBelowAPrefixToTheSameRelativeKeys() throws IOException {
        S3Location v1 = bucket.resolve("warehouse/db/table/v1");
        for (String key : List.of("part-0.parquet", "part-1.parquet", "sub/dir/part-2.parquet")) {
            objects.put(v1.resolve(key), ("rows of " + key).getBytes(UTF_8));
        }
        objects.put(bucket.resolve("warehouse/db/table/v10/other.parquet"), new byte[3]);
        S3Location v2 = s3.createBucket().resolve("copy/v2");

        int copied = objects.copyPrefix(v1, v2);

        assertThat(copied).isEqualTo(3);
        assertThat(objects.list(v2)).extracting(o -> o.keyBelow(v2), S3ObjectInfo::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("part-0.parquet", 22L),
                        org.assertj.core.groups.Tuple.tuple("part-1.parquet", 22L),
                        org.assertj.core.groups.Tuple.tuple("sub/dir/part-2.parquet", 30L));
        assertThat(read(v2.resolve("sub/dir/part-2.parquet"))).isEqualTo("rows of sub/dir/part-2.parquet");
        assertThat(objects.list(v1)).hasSize(3);
    }

    @Test
    void copiesObjectsAboveTheThresholdInParts() throws IOException {
        S3Objects inParts = new S3Objects(s3.client(), new S3TransferSettings(DataSize.ofMebibytes(6),
                DataSize.ofMebibytes(5), 1000));
        byte[] body = randomBytes(11 * 1024 * 1024, 7);
        S3Location from = bucket.resolve("from");
        objects.put(from.resolve("big.parquet"), body);
        objects.put(from.resolve("small.parquet"), new byte[] {1, 2, 3});

        assertThat(inParts.copyPrefix(from, bucket.resolve("to"))).isEqualTo(2);

        S3ObjectInfo copy = objects.head(bucket.resolve("to/big.parquet")).orElseThrow();
        assertThat(copy.size()).isEqualTo(body.length);
        assertThat(copy.etag()).endsWith("-3");
        try (InputStream in = objects.open(bucket.resolve("to/big.parquet"))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(read(bucket.resolve("to/small.parquet"))).isEqualTo("\u0001\u0002\u0003");
        assertThat(s3.client().listMultipartUploads(b -> b.bucket(bucket.bucket())).uploads()).isEmpty();
    }

    @Test
    void refusesToCopyAPrefixIntoItself() {
        S3Location from = bucket.resolve("a");
        assertThatThrownBy(() -> objects.copyPrefix(from, from.resolve("b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> objects.copyPrefix(from, from)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesEveryObjectBelowAPrefixInBatchesOfAPage() {
        S3Location old = bucket.resolve("warehouse/t/v1");
        for (int i = 0; i < 5; i++) {
            objects.put(old.resolve("part-" + i + ".parquet"), new byte[i]);
        }
        // A key that S3 holds but a location would refuse: a "folder" as the S3 console makes them.
        s3.client().putObject(b -> b.bucket(bucket.bucket()).key("warehouse/t/v1/folder/"), RequestBody.empty());
        S3Location kept = bucket.resolve("warehouse/t/v10/part-0.parquet");
        objects.put(kept, new byte[1]);
        S3Calls calls = new S3Calls();

        int deleted;
        try (S3Client client = s3.newClient(calls)) {
            deleted = new S3Objects(client, pagesOf(3)).deletePrefix(old);
        }

        assertThat(deleted).isEqualTo(6);
        assertThat(calls.count("DeleteObjects")).isEqualTo(2);
        assertThat(objects.list(old)).isEmpty();
        assertThat(objects.list(bucket)).extracting(S3ObjectInfo::key).containsExactly(kept.key());
        assertThat(objects.deletePrefix(old)).isZero();
    }

    private String read(S3Location location) throws IOException {
        try (InputStream in = objects.open(location)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
