package io.mongolatest.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.services.s3.S3Client;

/** Conditional writes as a table-version pointer needs them: create once, then compare-and-set by ETag. */
@ExtendWith(S3ProxyExtension.class)
final class S3ConditionalPutTest {
    private S3Objects objects;
    private S3Location manifest;

    @BeforeEach
    void setUp(S3ProxyServer s3) {
        objects = s3.objects();
        manifest = s3.createBucket().resolve("warehouse/_current");
    }

    @Test
    void putIfAbsentWritesOnlyTheFirstTime() throws IOException {
        ConditionalPut first = objects.putIfAbsent(manifest, bytes("v1"));
        ConditionalPut second = objects.putIfAbsent(manifest, bytes("v2"));

        assertThat(first).isInstanceOf(ConditionalPut.Written.class);
        assertThat(((ConditionalPut.Written) first).etag()).isEqualTo(objects.head(manifest).orElseThrow().etag());
        assertThat(second).isEqualTo(new ConditionalPut.PreconditionFailed(manifest));
        assertThat(read(manifest)).isEqualTo("v1");
    }

    @Test
    void putIfMatchReplacesOnlyTheVersionItWasGiven() throws IOException {
        String v1 = ((ConditionalPut.Written) objects.putIfAbsent(manifest, bytes("v1"))).etag();

        ConditionalPut toV2 = objects.putIfMatch(manifest, bytes("v2"), v1);
        ConditionalPut staleToV3 = objects.putIfMatch(manifest, bytes("v3"), v1);

        assertThat(toV2.written()).isTrue();
        String v2 = ((ConditionalPut.Written) toV2).etag();
        assertThat(v2).isNotEqualTo(v1).isEqualTo(objects.head(manifest).orElseThrow().etag());
        assertThat(staleToV3).isEqualTo(new ConditionalPut.PreconditionFailed(manifest));
        assertThat(read(manifest)).isEqualTo("v2");
        assertThat(objects.putIfMatch(manifest, bytes("v3"), v2).written()).isTrue();
        assertThat(read(manifest)).isEqualTo("v3");
    }

    @Test
    void putIfMatchOnAMissingObjectWritesNothing() {
        assertThat(objects.putIfMatch(manifest, bytes("v1"), "0123456789abcdef0123456789abcdef"))
                .isEqualTo(new ConditionalPut.PreconditionFailed(manifest));
        assertThat(objects.head(manifest)).isEmpty();
    }

    @Test
    void aWriteWhoseAnswerIsLostIsFoundWrittenWithoutWritingAgain(S3ProxyServer s3) throws IOException {
        S3Calls calls = new S3Calls();
        try (S3Client client = s3.newClient(LostCalls.answers("PutObject", 2), calls)) {
            S3Objects lossy = new S3Objects(client, S3TransferSettings.defaults());

            ConditionalPut created = lossy.putIfAbsent(manifest, bytes("v1"));
            ConditionalPut replaced = lossy.putIfMatch(manifest, bytes("v2"),
                    ((ConditionalPut.Written) created).etag());

            assertThat(created).isEqualTo(new ConditionalPut.Written(manifest, etag("v1")));
            assertThat(replaced).isEqualTo(new ConditionalPut.Written(manifest, etag("v2")));
        }
        assertThat(calls.count("PutObject")).isEqualTo(2);
        assertThat(read(manifest)).isEqualTo("v2");
    }

    @Test
    void aLostAnswerToAFailedConditionIsAFailedCondition(S3ProxyServer s3) throws IOException {
        String theirs = ((ConditionalPut.Written) objects.putIfAbsent(manifest, bytes("theirs"))).etag();
        try (S3Client client = s3.newClient(LostCalls.answers("PutObject", 2))) {
            S3Objects lossy = new S3Objects(client, S3TransferSettings.defaults());

            assertThat(lossy.putIfAbsent(manifest, bytes("ours"))).isEqualTo(new ConditionalPut.PreconditionFailed(manifest));
            assertThat(lossy.putIfMatch(manifest, bytes("ours"), "0123456789abcdef0123456789abcdef"))
                    .isEqualTo(new ConditionalPut.PreconditionFailed(manifest));
        }
        assertThat(read(manifest)).isEqualTo("theirs");
        assertThat(objects.head(manifest).orElseThrow().etag()).isEqualTo(theirs);
    }

    @Test
    void aWriteThatNeverReachedTheStoreIsTriedAgain(S3ProxyServer s3) throws IOException {
        S3Calls calls = new S3Calls();
        try (S3Client client = s3.newClient(LostCalls.requests("PutObject", 2), calls)) {
            assertThat(new S3Objects(client, S3TransferSettings.defaults()).putIfAbsent(manifest, bytes("v1")))
                    .isEqualTo(new ConditionalPut.Written(manifest, etag("v1")));
        }
        assertThat(calls.count("PutObject")).isEqualTo(3);
        assertThat(read(manifest)).isEqualTo("v1");
    }

    @Test
    void aWriteThatNeverGetsThroughIsAnExternalError(S3ProxyServer s3) {
        try (S3Client client = s3.newClient(LostCalls.requests("PutObject", 10))) {
            S3Objects failing = new S3Objects(client, S3TransferSettings.defaults());
            assertThatThrownBy(() -> failing.putIfAbsent(manifest, bytes("v1")))
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
                        assertThat(e.getMessage()).startsWith("cannot write " + manifest + ": cannot reach S3 at")
                                .doesNotContain("\n");
                    });
        }
        assertThat(objects.head(manifest)).isEmpty();
    }

    private static String etag(String body) {
        return S3ObjectsTest.md5(bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private String read(S3Location location) throws IOException {
        try (InputStream in = objects.open(location)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
