package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.product.MongoArguments;

/**
 * The original launcher's payload {@code {correlation_id, s3_prefix, snapshot_type, export_date}}, given directly
 * or as the message of an SNS notification (how the original relauncher and its SNS triggers sent it). As in the
 * original, it is a launch request only when it has both {@code correlation_id} and {@code s3_prefix}, and a
 * field that is absent reads as {@code NOT_SET}.
 */
public record LauncherPayload(String correlationId, String s3Prefix, String snapshotType, String exportDate) {
    public static final String NOT_SET = "NOT_SET";

    public LauncherPayload {
        requireNonNull(correlationId, "correlationId is null");
        requireNonNull(s3Prefix, "s3Prefix is null");
        requireNonNull(snapshotType, "snapshotType is null");
        requireNonNull(exportDate, "exportDate is null");
    }

    public static LauncherPayload read(InputStream in, String what) {
        return of(JsonPayload.read(in, what).unwrapSns());
    }

    public static LauncherPayload parse(String json, String what) {
        return of(JsonPayload.parse(json, what).unwrapSns());
    }

    private static LauncherPayload of(JsonPayload p) {
        if (!p.has("correlation_id") || !p.has("s3_prefix")) {
            throw MongoLatestException.user(p.what() + " is not a launch request: it needs correlation_id and"
                    + " s3_prefix");
        }
        return new LauncherPayload(field(p, "correlation_id"), field(p, "s3_prefix"), field(p, "snapshot_type"),
                field(p, "export_date"));
    }

    private static String field(JsonPayload p, String name) {
        return p.text(name).orElse(NOT_SET);
    }

    private static boolean set(String value) {
        return !value.isBlank() && !value.equals(NOT_SET);
    }

    /** The run's correlation id, checked (SPEC §5): a launch request must name its run. */
    public String checkedCorrelationId() {
        if (!set(correlationId)) {
            throw MongoLatestException.user("the launch request has no correlation_id");
        }
        return RunParameters.checkCorrelationId(correlationId);
    }

    /** The input prefix the payload names; the original's own tests send {@code NOT_SET}. */
    public Optional<String> s3PrefixIfSet() {
        return set(s3Prefix) ? Optional.of(s3Prefix) : Optional.empty();
    }

    /** The snapshot type, or {@code fallback} when not set. */
    public SnapshotType snapshotTypeOr(SnapshotType fallback) {
        return set(snapshotType) ? SnapshotType.parse(snapshotType) : requireNonNull(fallback, "fallback is null");
    }

    /** The export date, or {@code today} when not set (SPEC §5: empty means today). */
    public LocalDate exportDateOr(LocalDate today) {
        return MongoArguments.parseExportDate(set(exportDate) ? exportDate : null, requireNonNull(today,
                "today is null"));
    }
}
