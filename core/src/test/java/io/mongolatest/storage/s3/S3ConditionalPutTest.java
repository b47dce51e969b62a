package io.mongolatest.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Conditional writes as a table-version pointer needs them: create once, then compare-and-set by ETag. */
@ExtendWith(S3ProxyExtension.class)
final class S3ConditionalPutTest {
    private S3Objects objects;
    private S3Location manifest;

    @BeforeEach
    void setUp(S3ProxyServer s3) {
        objects = new S3Objects(s3.client(), S3TransferSettings.defaults());
        manifest = S3Location.parse("s3://" + s3.createBucket() + "/warehouse/_current");
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

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private String read(S3Location location) throws IOException {
        try (InputStream in = objects.open(location)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
