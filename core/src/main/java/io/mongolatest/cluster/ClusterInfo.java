package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What EMR says of one cluster.
 *
 * @param state        {@code STARTING}, {@code BOOTSTRAPPING}, {@code RUNNING}, {@code WAITING},
 *                     {@code TERMINATING}, {@code TERMINATED} or {@code TERMINATED_WITH_ERRORS}
 * @param reasonCode   the state change reason's code (e.g. {@code STEP_FAILURE}), if any
 * @param reasonMessage the state change reason's message, if any
 * @param tags         the cluster's tags; empty from ListClusters, which does not return them
 */
public record ClusterInfo(String id, String name, String state, Optional<String> reasonCode,
                          Optional<String> reasonMessage, Map<String, String> tags) {
    public ClusterInfo {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(reasonMessage, "reasonMessage is null");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tags, "tags is null")));
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }
}
