package io.mongolatest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth and HTTPS against a real Pushgateway whose web config demands both. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushgatewayAuthTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "correct horse";
    /** bcrypt (cost 4, to keep each request fast) of {@link #PASSWORD}. */
    private static final String PASSWORD_HASH = "$2b$04$LXqeQ8Pq9TNEMfzKwAQzZ.AQxjy8qsCod/Ti0rUpW2sNehRPSVEjS";
    private static final RunLabels RUN = new RunLabels("run-auth", "full", "2024-03-01", "local");

    private PushgatewayProcess gateway;

    @BeforeAll
    void startGateway() {
        gateway = PushgatewayProcess.start(PushgatewayProcess.Options.defaults()
                .withBasicAuth(new BasicAuth(USER, PASSWORD), PASSWORD_HASH).withTls());
    }

    @AfterAll
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void credentialsFromTheEnvironmentArePushedOverHttps() {
        PushgatewaySettings settings = PushgatewaySettings.from(gateway.url().toString(), null,
                Map.of(PushgatewaySettings.USER_ENV, USER, PushgatewaySettings.PASSWORD_ENV, PASSWORD));
        PushgatewayMetrics metrics = new PushgatewayMetrics(settings, gateway.sslContext());

        metrics.pushStatus(RUN, RunState.RUNNING);

        assertThat(gateway.url().getScheme()).isEqualTo("https");
        assertThat(statusOfRun()).isEqualTo(1.0);
    }

    @Test
    void credentialsFromAFileArePushed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("auth"), USER + ":" + PASSWORD + "\n");
        PushgatewaySettings settings = PushgatewaySettings.from(gateway.url().toString(), file, Map.of());
        PushgatewayMetrics metrics = new PushgatewayMetrics(settings, gateway.sslContext());

        metrics.pushStatus(RUN, RunState.COMPLETED);

        assertThat(statusOfRun()).isEqualTo(2.0);
    }

    @Test
    void wrongCredentialsAreRefusedOnceLoggedWithoutThePasswordAndNotTriedAgain() {
        String wrong = "wrong-secret-42";
        PushgatewaySettings settings = PushgatewaySettings.of(gateway.url().toString())
                .withAuth(new BasicAuth(USER, wrong));
        PushgatewayMetrics metrics = new PushgatewayMetrics(settings, gateway.sslContext());
        try (CapturedLog log = new CapturedLog(PushgatewayHttp.class)) {
            metrics.pushStatus(RUN, RunState.RUNNING);
            metrics.pushStep(RUN, new StepFigures("a", java.time.Duration.ofSeconds(1), 1));
            metrics.pushStatus(RUN, RunState.FAILED);
            metrics.deleteRunGroup(RUN);

            assertThat(log.warnings()).as("one refusal, then silence: a wrong password does not get better")
                    .hasSize(2).allSatisfy(w -> assertThat(w).doesNotContain(wrong));
            assertThat(log.warnings().get(0)).contains("HTTP 401");
            assertThat(log.warnings().get(1)).contains("no more metrics are pushed by this run");
        }
        assertThat(gateway.samples(PushgatewayMetrics.STATUS)).as("nothing pushed")
                .noneMatch(s -> RUN.correlationId().equals(s.labels().get("correlation_id")) && s.value() == 3.0);
    }

    @Test
    void anUntrustedCertificateIsLoggedNotThrown() {
        PushgatewaySettings settings = PushgatewaySettings.of(gateway.url().toString())
                .withAuth(new BasicAuth(USER, PASSWORD));
        try (CapturedLog log = new CapturedLog(PushgatewayHttp.class)) {
            new PushgatewayMetrics(settings).pushStatus(RUN, RunState.CANCELLED);

            assertThat(log.warnings()).first().asString().contains("SSLHandshakeException");
        }
    }

    @Test
    void descriptionsNeverShowTheCredentials() {
        PushgatewaySettings settings = PushgatewaySettings.from(gateway.url().toString(), null,
                Map.of(PushgatewaySettings.USER_ENV, USER, PushgatewaySettings.PASSWORD_ENV, PASSWORD));
        PushgatewayMetrics metrics = new PushgatewayMetrics(settings);

        assertThat(metrics.describe()).isEqualTo(gateway.url() + " (basic auth)");
        assertThat(String.join(" ", metrics.describe(), metrics.toString(), settings.toString(),
                settings.auth().orElseThrow().toString()))
                .doesNotContain(PASSWORD).doesNotContain(USER);
    }

    private double statusOfRun() {
        return gateway.samples(PushgatewayMetrics.STATUS).stream()
                .filter(s -> RUN.correlationId().equals(s.labels().get("correlation_id")))
                .findFirst().orElseThrow().value();
    }
}
