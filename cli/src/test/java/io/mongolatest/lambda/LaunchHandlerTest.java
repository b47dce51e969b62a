package io.mongolatest.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.MongoLatestException;
import io.mongolatest.cluster.LauncherPayload;

class LaunchHandlerTest {
    @TempDir
    Path dir;

    private static LauncherPayload payload(String json) {
        return LauncherPayload.parse(json, "the launch event");
    }

    @Test
    void theOriginalsPayloadBecomesTheRunsOptions() {
        LaunchHandler h = new LaunchHandler(Map.of());
        assertThat(h.args(payload("{\"correlation_id\":\"run-1\",\"s3_prefix\":\"s3://in/root/\","
                + "\"snapshot_type\":\"full\",\"export_date\":\"2022-01-10\"}")))
                .containsExactly("--correlation-id", "run-1", "--format", "json", "--snapshot-type", "full",
                        "--export-date", "2022-01-10", "--input", "s3://in/root/");
    }

    @Test
    void fieldsNotSetAreLeftToTheConfigAndTheDefaults() {
        LaunchHandler h = new LaunchHandler(Map.of());
        // The original's end-to-end test sends s3_prefix NOT_SET; a missing field reads as NOT_SET too.
        assertThat(h.args(payload("{\"correlation_id\":\"run-2\",\"s3_prefix\":\"NOT_SET\"}")))
                .containsExactly("--correlation-id", "run-2", "--format", "json");
    }

    @Test
    void aKeyPrefixIsReadInTheFunctionsInputBucketAndNeedsOne() {
        String sns = "{\"Records\":[{\"Sns\":{\"Message\":\"{\\\"correlation_id\\\":\\\"run-3\\\","
                + "\\\"s3_prefix\\\":\\\"businessdata/mongo/ucdata/2022-01-10/incremental\\\"}\"}}]}";
        assertThat(new LaunchHandler(Map.of(LaunchHandler.INPUT_BUCKET, "exports")).args(payload(sns)))
                .endsWith("--input", "s3://exports/businessdata/mongo/ucdata/2022-01-10/incremental");
        assertThatThrownBy(() -> new LaunchHandler(Map.of()).args(payload(sns)))
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("MONGO_LATEST_INPUT_BUCKET");
    }

    @Test
    void aFailedCommandFailsTheInvocationWithItsErrorLine() {
        LaunchHandler h = new LaunchHandler(Map.of(LambdaCall.STATE_DIR, dir.resolve("state").toString()));
        // No --input in the payload and no config to give one: launch refuses, and so does the invocation.
        assertThatThrownBy(() -> h.handleRequest(Map.of("correlation_id", "run-4", "s3_prefix", "NOT_SET")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mongo-latest launch exited 2: ")
                .hasMessageContaining("--input");
    }

    @Test
    void anEventThatIsNoLaunchRequestIsRefused() {
        LaunchHandler h = new LaunchHandler(Map.of(LambdaCall.STATE_DIR, dir.resolve("state").toString()));
        assertThatThrownBy(() -> h.handleRequest(Map.of("detail-type", "Scheduled Event")))
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("not a launch request");
        assertThat(List.of(dir.toFile().list())).isEmpty();
    }
}
