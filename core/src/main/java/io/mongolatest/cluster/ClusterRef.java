package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

/** A cluster RunJobFlow started: its id ({@code j-...}) and ARN. */
public record ClusterRef(String id, String arn) {
    public ClusterRef {
        requireNonNull(id, "id is null");
        requireNonNull(arn, "arn is null");
    }
}
