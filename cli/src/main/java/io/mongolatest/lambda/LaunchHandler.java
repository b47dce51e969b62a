package io.mongolatest.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.MongoLatestException;
import io.mongolatest.cluster.LauncherPayload;

/**
 * The launcher as a Lambda handler ({@code io.mongolatest.lambda.LaunchHandler::handleRequest}), so that the
 * original's SNS topic and admin jobs keep working: its payload {@code {correlation_id, s3_prefix,
 * snapshot_type, export_date}}, direct or as an SNS message, becomes {@code mongo-latest launch}. Everything
 * else (profile, ledger, warehouse, the default input) comes from the function's {@code MONGO_LATEST_CONFIG}.
 * An {@code s3_prefix} that is not an {@code s3://} URL is a key prefix in {@code MONGO_LATEST_INPUT_BUCKET}.
 * Needs no Lambda library: the runtime hands a JSON event to a {@code Map} parameter itself.
 */
public final class LaunchHandler {
    static final String INPUT_BUCKET = "MONGO_LATEST_INPUT_BUCKET";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaCall call;

    public LaunchHandler() {
        this(System.getenv());
    }

    LaunchHandler(Map<String, String> env) {
        this.call = new LambdaCall(env);
    }

    public Map<String, Object> handleRequest(Map<String, Object> event) throws Exception {
        return call.run("launch", args(LauncherPayload.parse(JSON.writeValueAsString(event), "the launch event")));
    }

    List<String> args(LauncherPayload p) {
        List<String> args = new ArrayList<>(List.of("--correlation-id", p.checkedCorrelationId(), "--format", "json"));
        if (!LauncherPayload.NOT_SET.equals(p.snapshotType())) {
            args.addAll(List.of("--snapshot-type", p.snapshotType()));
        }
        if (!LauncherPayload.NOT_SET.equals(p.exportDate())) {
            args.addAll(List.of("--export-date", p.exportDate()));
        }
        p.s3PrefixIfSet().ifPresent(prefix -> args.addAll(List.of("--input", input(prefix))));
        return args;
    }

    private String input(String prefix) {
        if (prefix.startsWith("s3://")) {
            return prefix;
        }
        String bucket = call.env(INPUT_BUCKET);
        if (bucket == null) {
            throw MongoLatestException.user("s3_prefix '" + prefix + "' has no bucket: send an s3:// URL or set "
                    + INPUT_BUCKET + " on the function");
        }
        return "s3://" + bucket + "/" + prefix.replaceFirst("^/+", "");
    }
}
