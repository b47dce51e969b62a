package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;

/** The labels of a run's metrics (SPEC §8); the correlation id is also the Pushgateway grouping key. */
public record RunLabels(String correlationId, String snapshotType, String exportDate, String clusterId) {
    public RunLabels {
        requireNonNull(correlationId, "correlationId is null");
        requireNonNull(snapshotType, "snapshotType is null");
        requireNonNull(exportDate, "exportDate is null");
        requireNonNull(clusterId, "clusterId is null");
    }
}
