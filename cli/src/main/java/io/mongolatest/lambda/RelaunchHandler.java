package io.mongolatest.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The relauncher as a Lambda handler ({@code io.mongolatest.lambda.RelaunchHandler::handleRequest}), for the
 * EventBridge rule on "EMR Cluster State Change" {@code TERMINATED_WITH_ERRORS} of {@code mongo-latest}: the
 * event becomes {@code mongo-latest relaunch --event FILE}, which decides and launches. The profile, ledger
 * and relaunch settings come from the function's {@code MONGO_LATEST_CONFIG}.
 */
public final class RelaunchHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaCall call;

    public RelaunchHandler() {
        this(System.getenv());
    }

    RelaunchHandler(Map<String, String> env) {
        this.call = new LambdaCall(env);
    }

    public Map<String, Object> handleRequest(Map<String, Object> event) throws Exception {
        // The event may hold account ids: a file only this user reads, gone when the call ends.
        Path file = Files.createTempFile("mongo-latest-event-", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(file, JSON.writeValueAsString(event));
            return call.run("relaunch", List.of("--event", file.toString(), "--format", "json"));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
