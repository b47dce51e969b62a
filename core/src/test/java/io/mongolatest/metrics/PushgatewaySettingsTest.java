package io.mongolatest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

class PushgatewaySettingsTest {
    @TempDir
    Path dir;

    @Test
    void aPlainUrlGetsDefaultTimeoutsAndNoAuth() {
        PushgatewaySettings settings = PushgatewaySettings.from("HTTP://gateway.example:9091/", null, Map.of());

        assertThat(settings.url()).hasToString("http://gateway.example:9091");
        assertThat(settings.auth()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRoutePrefixIsKept() {
        assertThat(PushgatewaySettings.of("https://proxy.example/pushgateway/").url())
                .hasToString("https://proxy.example/pushgateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:9091", "ftp://gateway:21", "http://", "http://gate way", "",
            "http://gateway:9091/?x=1"})
    void aMalformedUrlIsAUserError(String url) {
        assertThatThrownBy(() -> PushgatewaySettings.from(url, null, Map.of()))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.USER);
                    assertThat(e.getMessage()).startsWith("--pushgateway").doesNotContain("\n");
                });
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> PushgatewaySettings.from("http://alice:s3cret@gateway:9091", null, Map.of()))
                .isInstanceOf(MongoLatestException.class)
                .hasMessageContaining("MONGO_LATEST_PUSHGATEWAY_USER")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theAuthFileWinsOverTheEnvironmentAndMayHoldColonsInThePassword() throws IOException {
        Path file = Files.writeString(dir.resolve("auth"), "alice:pa:ss word\n");

        PushgatewaySettings settings = PushgatewaySettings.from("http://gateway:9091", file,
                Map.of(PushgatewaySettings.USER_ENV, "bob", PushgatewaySettings.PASSWORD_ENV, "other"));

        assertThat(settings.auth()).contains(new BasicAuth("alice", "pa:ss word"));
    }

    @Test
    void anUnreadableAuthFileIsAUserError() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> PushgatewaySettings.from("http://gateway:9091", missing, Map.of()))
                .isInstanceOf(MongoLatestException.class)
                .hasMessageStartingWith("cannot read --pushgateway-auth-file " + missing);
    }

    @Test
    void anAuthFileWithoutUserAndPasswordIsAUserErrorThatDoesNotEchoIt() throws IOException {
        Path file = Files.writeString(dir.resolve("auth"), "just-a-secret\n");

        assertThatThrownBy(() -> PushgatewaySettings.from("http://gateway:9091", file, Map.of()))
                .isInstanceOf(MongoLatestException.class)
                .hasMessageContaining("user:password")
                .hasMessageNotContaining("just-a-secret");
    }

    @Test
    void theEnvironmentNeedsBothUserAndPassword() {
        assertThat(PushgatewaySettings.from("http://gateway:9091", null,
                Map.of(PushgatewaySettings.USER_ENV, "alice", PushgatewaySettings.PASSWORD_ENV, "pw")).auth())
                .contains(new BasicAuth("alice", "pw"));
        assertThat(PushgatewaySettings.from("http://gateway:9091", null,
                Map.of(PushgatewaySettings.USER_ENV, " ", PushgatewaySettings.PASSWORD_ENV, "")).auth())
                .isEqualTo(Optional.empty());
        assertThatThrownBy(() -> PushgatewaySettings.from("http://gateway:9091", null,
                Map.of(PushgatewaySettings.USER_ENV, "alice")))
                .isInstanceOf(MongoLatestException.class)
                .hasMessage("set both MONGO_LATEST_PUSHGATEWAY_USER and MONGO_LATEST_PUSHGATEWAY_PASSWORD, or neither");
    }
}
