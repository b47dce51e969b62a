package io.mongolatest.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(S3ProxyExtension.class)
final class S3ObjectsTest {
    private final S3ProxyServer s3;
    private final S3Location bucket;
    private final S3Objects objects;

    S3ObjectsTest(S3ProxyServer s3) {
        this.s3 = s3;
        this.bucket = s3.createBucket();
        this.objects = s3.objects();
    }

    @Test
    void listsEveryObjectBelowAPrefixAcrossPagesSortedByKey() {
        S3Location input = bucket.resolve("input");
        List<String> etags = new ArrayList<>();
        for (String key : List.of("e/5.json", "a/1.json", "d/4.json", "b/2.json", "c/3.json", "a/0.json", "f")) {
            etags.add(objects.put(input.resolve(key), ("body of " + key).getBytes(UTF_8)));
        }
        objects.put(bucket.resolve("input2/not-below.json"), new byte[1]);
        objects.put(bucket.resolve("input.json"), new byte[1]);
        // Pages of two keys: the seven objects take four pages.
        S3Calls calls = new S3Calls();
        List<S3ObjectInfo> listed;
        try (S3Client client = s3.newClient(calls)) {
            listed = new S3Objects(client, pagesOf(2)).list(input);
        }

        assertThat(calls.count("ListObjectsV2")).isEqualTo(4);
        assertThat(listed).extracting(S3ObjectInfo::key).containsExactly("input/a/0.json", "input/a/1.json",
                "input/b/2.json", "input/c/3.json", "input/d/4.json", "input/e/5.json", "input/f");
        assertThat(listed).allSatisfy(o -> {
            assertThat(o.bucket()).isEqualTo(bucket.bucket());
            assertThat(o.size()).isEqualTo(("body of " + o.keyBelow(input)).length());
            assertThat(o.etag()).doesNotContain("\"").isEqualTo(md5(("body of " + o.keyBelow(input)).getBytes(UTF_8)));
        });
        assertThat(listed).extracting(S3ObjectInfo::etag).containsExactlyInAnyOrderElementsOf(etags);
        assertThat(objects.list(bucket)).hasSize(9);
        assertThat(objects.list(bucket.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void headTellsSizeAndEtagOrNothing() {
        S3Location location = bucket.resolve("a/b.json");
        String etag = objects.put(location, "12345".getBytes(UTF_8));

        assertThat(objects.head(location)).contains(new S3ObjectInfo(bucket.bucket(), "a/b.json", 5, etag));
        assertThat(objects.head(bucket.resolve("a/missing.json"))).isEmpty();
    }

    @Test
    void opensAnObjectAsAStream() throws IOException {
        byte[] body = randomBytes(3 * 1024 * 1024 + 17, 1);
        S3Location location = bucket.resolve("big.bin");
        objects.put(location, body);

        try (InputStream in = objects.open(location)) {
            assertThat(in.readNBytes(10)).isEqualTo(java.util.Arrays.copyOf(body, 10));
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(body, 10, body.length));
        }
    }

    @Test
    void opensAListedObjectOnlyWhileItIsUnchanged() throws IOException {
        S3Location location = bucket.resolve("in/x.json");
        objects.put(location, "one".getBytes(UTF_8));
        S3ObjectInfo listed = objects.list(bucket.resolve("in")).get(0);
        try (InputStream in = objects.open(listed)) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("one");
        }

        objects.put(location, "two".getBytes(UTF_8));

        assertThatThrownBy(() -> objects.open(listed)).isInstanceOfSatisfying(MongoLatestException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
            assertThat(e.getMessage()).contains(location.toString()).contains("412");
        });
    }

    @Test
    void aReadThatBreaksOffResumesWhereItStopped() throws IOException {
        byte[] body = randomBytes(3 * 1024 * 1024, 4);
        S3Location location = bucket.resolve("in/x.bin");
        objects.put(location, body);
        S3Calls calls = new S3Calls();

        try (S3Client client = s3.newClient(new CutAnswers("GetObject", 2, 1024 * 1024), calls);
                InputStream in = new S3Objects(client, S3TransferSettings.defaults()).open(location)) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(calls.count("GetObject")).isEqualTo(3);
    }

    @Test
    void aReadThatBreaksOffAfterTheObjectWasReplacedFails() throws IOException {
        S3Location location = bucket.resolve("in/x.bin");
        objects.put(location, randomBytes(100_000, 5));

        try (S3Client client = s3.newClient(new CutAnswers("GetObject", 1, 50_000));
                InputStream in = new S3Objects(client, S3TransferSettings.defaults()).open(location)) {
            assertThat(in.readNBytes(10_000)).hasSize(10_000);
            objects.put(location, randomBytes(100_000, 6));

            assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(MongoLatestException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                assertThat(e.getMessage()).contains("cannot read " + location).contains("412");
            });
        }
    }

    @Test
    void readsAListedObjectFromAnOffset() throws IOException {
        byte[] body = randomBytes(10_000, 8);
        S3Location location = bucket.resolve("in/x.bin");
        objects.put(location, body);
        S3ObjectInfo listed = objects.head(location).orElseThrow();

        try (InputStream in = objects.open(listed, 9_000)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(body, 9_000, body.length));
        }
    }

    @Test
    void uploadsASmallFileInOnePut(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.parquet");
        byte[] body = randomBytes(100_000, 2);
        Files.write(file, body);
        S3Location location = bucket.resolve("w/small.parquet");

        String etag = objects.upload(file, location);

        assertThat(etag).isEqualTo(md5(body));
        assertThat(objects.head(location).orElseThrow().size()).isEqualTo(body.length);
        assertThat(read(location)).isEqualTo(body);
    }

    @Test
    void uploadsALargeFileInPartsOfTheConfiguredSize(@TempDir Path dir) throws IOException {
        // Above a 6 MB threshold in 5 MB parts: 12 MB and a bit is three parts, the last one small.
        S3Objects small = new S3Objects(s3.client(), new S3TransferSettings(DataSize.ofMebibytes(6),
                DataSize.ofMebibytes(5), 1000));
        Path file = dir.resolve("large.parquet");
        byte[] body = randomBytes(12 * 1024 * 1024 + 3, 3);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(body);
        }
        S3Location location = bucket.resolve("w/large.parquet");

        String etag = small.upload(file, location);

        assertThat(etag).endsWith("-3");
        assertThat(objects.head(location).orElseThrow()).extracting(S3ObjectInfo::size, S3ObjectInfo::etag)
                .containsExactly((long) body.length, etag);
        assertThat(read(location)).isEqualTo(body);
        assertThat(s3.client().listMultipartUploads(b -> b.bucket(bucket.bucket())).uploads()).isEmpty();
    }

    @Test
    void aFailedMultipartUploadIsAbortedAndLeavesNoObject(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("large.parquet"), randomBytes(11 * 1024 * 1024, 9));
        S3Location location = bucket.resolve("w/large.parquet");
        S3TransferSettings inParts = new S3TransferSettings(DataSize.ofMebibytes(6), DataSize.ofMebibytes(5), 1000);
        // The listing shows uploads in progress, so an empty one below means the failed upload was aborted.
        String pending = s3.client().createMultipartUpload(b -> b.bucket(bucket.bucket()).key("pending")).uploadId();
        assertThat(s3.client().listMultipartUploads(b -> b.bucket(bucket.bucket())).uploads()).hasSize(1);
        s3.client().abortMultipartUpload(b -> b.bucket(bucket.bucket()).key("pending").uploadId(pending));

        try (S3Client client = s3.newClient(LostCalls.requests("UploadPart", 1000))) {
            assertThatThrownBy(() -> new S3Objects(client, inParts).upload(file, location))
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                        assertThat(e.getMessage()).startsWith("cannot write " + location + ": cannot reach S3");
                    });
        }

        assertThat(s3.client().listMultipartUploads(b -> b.bucket(bucket.bucket())).uploads()).isEmpty();
        assertThat(objects.head(location)).isEmpty();
    }

    @Test
    void putReplacesAnObject() throws IOException {
        S3Location location = bucket.resolve("r.txt");
        String first = objects.put(location, "first".getBytes(UTF_8));
        String second = objects.put(location, "second".getBytes(UTF_8));

        assertThat(second).isNotEqualTo(first);
        assertThat(new String(read(location), UTF_8)).isEqualTo("second");
    }

    private byte[] read(S3Location location) throws IOException {
        try (InputStream in = objects.open(location)) {
            return in.readAllBytes();
        }
    }

    static S3TransferSettings pagesOf(int keys) {
        return new S3TransferSettings(DataSize.ofMebibytes(64), DataSize.ofMebibytes(16), keys);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String md5(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
