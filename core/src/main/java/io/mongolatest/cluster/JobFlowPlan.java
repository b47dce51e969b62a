package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/** A RunJobFlow request ready to send, and the configurations in it with where each value came from. */
public record JobFlowPlan(RunJobFlowRequest request, ClusterConfigurations configurations) {
    public JobFlowPlan {
        requireNonNull(request, "request is null");
        requireNonNull(configurations, "configurations is null");
    }

    /** The request body exactly as the SDK sends it. */
    public String wireJson() {
        return RunJobFlowJson.wire(request);
    }

    /** The same JSON, indented for people. */
    public String prettyJson() {
        return RunJobFlowJson.pretty(request);
    }
}
