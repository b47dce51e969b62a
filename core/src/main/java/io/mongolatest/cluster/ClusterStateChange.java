package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.Optional;

import io.mongolatest.MongoLatestException;

/**
 * An EventBridge "EMR Cluster State Change" event, as the relauncher receives it: {@code detail.clusterId},
 * {@code detail.name}, {@code detail.state} and {@code detail.stateChangeReason}, which EMR writes as JSON text
 * (e.g. {@code {"code":"STEP_FAILURE","message":"Shut down as step failed"}}).
 *
 * @param reasonCode e.g. {@code BOOTSTRAP_FAILURE}, {@code STEP_FAILURE}, {@code USER_REQUEST},
 *                   {@code VALIDATION_ERROR}, {@code INSTANCE_FAILURE}, {@code INSTANCE_FLEET_TIMEOUT},
 *                   {@code INTERNAL_ERROR}, {@code ALL_STEPS_COMPLETED}; empty when the event gives none
 */
public record ClusterStateChange(String clusterId, String name, String state, Optional<String> reasonCode,
                                 Optional<String> reasonMessage, Optional<String> message) {
    public static final String DETAIL_TYPE = "EMR Cluster State Change";
    public static final String SOURCE = "aws.emr";
    public static final String TERMINATED_WITH_ERRORS = "TERMINATED_WITH_ERRORS";

    public ClusterStateChange {
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(reasonMessage, "reasonMessage is null");
        requireNonNull(message, "message is null");
    }

    /** Reads one event (directly, or as the message of an SNS notification); {@code what} names it in errors. */
    public static ClusterStateChange read(InputStream in, String what) {
        return of(JsonPayload.read(in, what).unwrapSns());
    }

    public static ClusterStateChange parse(String json, String what) {
        return of(JsonPayload.parse(json, what).unwrapSns());
    }

    private static ClusterStateChange of(JsonPayload event) {
        event.text("detail-type").filter(t -> !t.equals(DETAIL_TYPE)).ifPresent(t -> {
            throw MongoLatestException.user(event.what() + " is a '" + t + "' event, not '" + DETAIL_TYPE + "'");
        });
        event.text("source").filter(s -> !s.equals(SOURCE)).ifPresent(s -> {
            throw MongoLatestException.user(event.what() + " comes from '" + s + "', not " + SOURCE);
        });
        JsonPayload detail = event.object("detail");
        Optional<String> code = Optional.empty();
        Optional<String> reasonMessage = Optional.empty();
        Optional<String> reasonText = detail.text("stateChangeReason").filter(s -> !s.isBlank());
        if (reasonText.isPresent()) {
            JsonPayload reason = JsonPayload.parse(reasonText.get(), detail.what() + " stateChangeReason");
            code = reason.text("code").filter(s -> !s.isBlank());
            reasonMessage = reason.text("message");
        }
        return new ClusterStateChange(detail.requiredText("clusterId"), detail.text("name").orElse(""),
                detail.requiredText("state"), code, reasonMessage, detail.text("message"));
    }

    public boolean terminatedWithErrors() {
        return TERMINATED_WITH_ERRORS.equals(state);
    }

    /** "j-1ABC (mongo-latest) TERMINATED_WITH_ERRORS: STEP_FAILURE". */
    public String describe() {
        return clusterId + " (" + name + ") " + state + reasonCode.map(c -> ": " + c).orElse("");
    }
}
