package io.mongolatest.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

final class S3LocationTest {
    @Test
    void parsesBucketAndKey() {
        assertThat(S3Location.parse("s3://my-bucket/exports/2024-01-01"))
                .isEqualTo(new S3Location("my-bucket", "exports/2024-01-01"));
        assertThat(S3Location.parse("s3://my-bucket")).isEqualTo(new S3Location("my-bucket", ""));
        assertThat(S3Location.parse("s3://my-bucket/")).isEqualTo(new S3Location("my-bucket", ""));
        assertThat(S3Location.parse("s3://my.bucket.2/a/")).isEqualTo(new S3Location("my.bucket.2", "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://b-1", "s3://b-1/a", "s3://b-1/a/b c/d=1/e.json.gz", "s3://abc/ü/x"})
    void toStringRoundTrips(String text) {
        S3Location location = S3Location.parse(text);
        assertThat(location.toString()).isEqualTo(text);
        assertThat(S3Location.parse(location.toString())).isEqualTo(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://", "s3:///key", "s3://ab", "s3://Upper", "s3://under_score", "s3://-start",
            "s3://end-", "s3://two..dots", "s3://192.168.1.2", "s3://xn--bucket", "s3://sthree-x",
            "s3://b-1-s3alias", "s3://b-1--ol-s3", "s3://b.mrap", "/local/path", "S3A://b-1/x",
            "s3://b-1//x", "s3://b-1/a//b", "s3://b-1/a/../b", "s3://b-1/./a", "s3://b-1/a/.."})
    void refusesInvalidLocationsAsUserErrorsNamingThem(String text) {
        assertThatThrownBy(() -> S3Location.parse(text))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.USER);
                    assertThat(e.getMessage()).contains("'" + text + "'").doesNotContain("\n");
                });
    }

    @Test
    void refusesBucketNamesLongerThan63AndKeysLongerThan1024Bytes() {
        assertThatThrownBy(() -> S3Location.parse("s3://" + "a".repeat(64))).isInstanceOf(MongoLatestException.class);
        assertThat(S3Location.parse("s3://" + "a".repeat(63)).bucket()).hasSize(63);
        assertThat(S3Location.parse("s3://b-1/" + "k".repeat(1024)).key()).hasSize(1024);
        assertThatThrownBy(() -> S3Location.parse("s3://b-1/" + "ü".repeat(513)))
                .hasMessageContaining("1024 bytes");
    }

    @Test
    void resolveGoesDownOnly() {
        S3Location prefix = S3Location.parse("s3://b-1/warehouse");
        assertThat(prefix.resolve("db/table/part-0.parquet").toString())
                .isEqualTo("s3://b-1/warehouse/db/table/part-0.parquet");
        assertThat(S3Location.parse("s3://b-1").resolve("x").toString()).isEqualTo("s3://b-1/x");
        assertThat(prefix.keyPrefix()).isEqualTo("warehouse/");
        assertThat(S3Location.parse("s3://b-1").keyPrefix()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "..", "../x", "a/../../x", "a/..", ".", "./a", "a//b", "a/", "tab\there"})
    void resolveRefusesChildrenThatWouldLeaveOrBlurThePrefix(String child) {
        S3Location prefix = S3Location.parse("s3://b-1/warehouse");
        assertThatThrownBy(() -> prefix.resolve(child)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(prefix.toString());
    }

    @Test
    void recognisesTheScheme() {
        assertThat(S3Location.isS3("s3://b-1/x")).isTrue();
        assertThat(S3Location.isS3("S3://b-1/x")).isTrue();
        assertThat(S3Location.isS3("/data/x")).isFalse();
        assertThat(S3Location.isS3("s3a://b-1/x")).isFalse();
        assertThat(S3Location.isS3(null)).isFalse();
    }

    @Test
    void objectKeysRelativeToAPrefix() {
        S3ObjectInfo object = new S3ObjectInfo("b-1", "in/a/b.json", 3, "e");
        assertThat(object.keyBelow(S3Location.parse("s3://b-1/in"))).isEqualTo("a/b.json");
        assertThat(object.keyBelow(S3Location.parse("s3://b-1"))).isEqualTo("in/a/b.json");
        assertThat(object.uri()).isEqualTo("s3://b-1/in/a/b.json");
        assertThatThrownBy(() -> object.keyBelow(S3Location.parse("s3://b-1/i")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> object.keyBelow(S3Location.parse("s3://b-2/in")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
