package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.SnapshotType;

class LaunchParametersTest {
    private static final URI IN = URI.create("s3://in/x/");
    private static final URI OUT = URI.create("s3://out/y/");
    private static final URI JAR = URI.create("s3://a/mongo-latest.jar");
    private static final URI PRODUCT = URI.create("s3://a/product.zip");

    private static String error(Supplier<LaunchParameters> make) {
        Throwable t = catchThrowable(make::get);
        assertThat(t).isInstanceOf(MongoLatestException.class);
        assertThat(((MongoLatestException) t).kind()).isEqualTo(ErrorKind.USER);
        return t.getMessage();
    }

    private static LaunchParameters make(String id, URI input, String ledger, Optional<URI> pgw, URI jar, URI product,
            List<String> steps) {
        return new LaunchParameters(id, LocalDate.of(2024, 2, 29), SnapshotType.FULL, input, OUT, ledger, pgw, jar,
                product, steps, List.of());
    }

    @Test
    void aValidLaunchKeepsItsValues() {
        LaunchParameters l = make("run-1", IN, "dynamodb", Optional.empty(), JAR, PRODUCT, List.of("a", "b"));
        assertThat(l.steps()).containsExactly("a", "b");
        assertThat(l.ledger()).isEqualTo("dynamodb");
    }

    @Test
    void everyMistakeIsAUserErrorBeforeAnythingIsSent() {
        List<String> steps = List.of("a");
        assertThat(error(() -> make("bad id!", IN, "dynamodb", Optional.empty(), JAR, PRODUCT, steps)))
                .startsWith("invalid correlation id 'bad id!'");
        assertThat(error(() -> make("r", URI.create("/data/in"), "dynamodb", Optional.empty(), JAR, PRODUCT, steps)))
                .isEqualTo("on a cluster the input must be an s3://bucket/... location, not /data/in");
        assertThat(error(() -> make("r", IN, "sqlite:/tmp/l.db", Optional.empty(), JAR, PRODUCT, steps)))
                .isEqualTo("a cluster needs a ledger it shares with the launcher: --ledger dynamodb:TABLE, not"
                        + " sqlite:/tmp/l.db");
        assertThat(error(() -> make("r", IN, "dynamodb", Optional.of(URI.create("ftp://p:9091")), JAR, PRODUCT,
                steps))).startsWith("the Pushgateway must be an http(s):// URL");
        assertThat(error(() -> make("r", IN, "dynamodb", Optional.empty(), URI.create("s3://a/tool.zip"), PRODUCT,
                steps))).startsWith("the jar location must name a .jar file");
        assertThat(error(() -> make("r", IN, "dynamodb", Optional.empty(), JAR, URI.create("s3://a/product"),
                steps))).startsWith("the product package location must be a folder (ending in /) or a .zip");
        assertThat(error(() -> make("r", IN, "dynamodb", Optional.empty(), JAR, PRODUCT, List.of())))
                .isEqualTo("the pipeline has no steps to launch");
        assertThat(error(() -> make("r", IN, "dynamodb", Optional.empty(), JAR, PRODUCT, List.of("a", "a"))))
                .isEqualTo("step 'a' is listed twice");
        assertThat(error(() -> make("r", IN, "dynamodb", Optional.empty(), JAR, PRODUCT, List.of("A"))))
                .isEqualTo("invalid step name 'A'");
    }
}
