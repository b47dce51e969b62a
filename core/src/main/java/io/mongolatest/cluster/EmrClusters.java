package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.mongolatest.MongoLatestException;
import io.mongolatest.aws.LocalEndpoints;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.EmrClientBuilder;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterStateChangeReason;
import software.amazon.awssdk.services.emr.model.ClusterStatus;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.RunJobFlowResponse;

/**
 * The few EMR calls cluster mode makes: start a cluster, find the active ones of a name, describe one, terminate
 * some. Failures become one-line errors: a refused request (access denied, validation) is the user's to fix,
 * throttling, EMR's own errors and an unreachable endpoint are external.
 */
public final class EmrClusters implements AutoCloseable {
    /** The states ListClusters calls active, as {@code aws emr list-clusters --active} does. */
    public static final List<ClusterState> ACTIVE = List.of(ClusterState.STARTING, ClusterState.BOOTSTRAPPING,
            ClusterState.RUNNING, ClusterState.WAITING);

    // An unreachable endpoint must fail a command in seconds; RunJobFlow itself answers within a few.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 3;

    private final EmrClient client;
    private final boolean ownsClient;

    private EmrClusters(EmrClient client, boolean ownsClient) {
        this.client = requireNonNull(client, "client is null");
        this.ownsClient = ownsClient;
    }

    /** On a client the caller built and closes. */
    public static EmrClusters using(EmrClient client) {
        return new EmrClusters(client, false);
    }

    /**
     * With its own client: AWS default credentials and region, or with {@code endpointOrNull} (a stand-in for
     * EMR) the configured ones and otherwise {@code us-east-1} with dummy credentials.
     */
    public static EmrClusters open(URI endpointOrNull) {
        EmrClientBuilder builder = EmrClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)));
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull)
                    .region(LocalEndpoints.region())
                    .credentialsProvider(LocalEndpoints.credentialsOrPlaceholder());
        }
        try {
            return new EmrClusters(builder.build(), true);
        } catch (SdkException e) {
            throw MongoLatestException.user("cannot set up the EMR client: no AWS region configured (set"
                    + " AWS_REGION or a profile region, or give --emr-endpoint)", e);
        }
    }

    /** Whether AWS's own EMR can be reached without an endpoint: a region is configured. */
    public static boolean regionConfigured() {
        return LocalEndpoints.configuredRegion().isPresent();
    }

    /** Starts a cluster. */
    public ClusterRef runJobFlow(RunJobFlowRequest request) {
        requireNonNull(request, "request is null");
        RunJobFlowResponse r = call("RunJobFlow", () -> client.runJobFlow(request));
        if (r.jobFlowId() == null) {
            // Cannot tell which cluster started, if any: never retried blindly.
            throw MongoLatestException.external("EMR RunJobFlow answered without a cluster id", null);
        }
        return new ClusterRef(r.jobFlowId(), r.clusterArn() == null ? "" : r.clusterArn());
    }

    /** Every active cluster named exactly {@code name}, from every page of ListClusters; without tags. */
    public List<ClusterInfo> active(String name) {
        requireNonNull(name, "name is null");
        return call("ListClusters", () -> {
            List<ClusterInfo> out = new ArrayList<>();
            client.listClustersPaginator(b -> b.clusterStates(ACTIVE)).clusters().forEach(s -> {
                if (name.equals(s.name())) {
                    out.add(info(s.id(), s.name(), s.status(), Map.of()));
                }
            });
            return out;
        });
    }

    /** One cluster's state, state change reason and tags. */
    public ClusterInfo describe(String clusterId) {
        requireNonNull(clusterId, "clusterId is null");
        Cluster c = call("DescribeCluster " + clusterId, () -> client.describeCluster(b -> b.clusterId(clusterId))
                .cluster());
        Map<String, String> tags = new LinkedHashMap<>();
        c.tags().forEach(t -> tags.put(t.key(), t.value()));
        return info(c.id(), c.name(), c.status(), tags);
    }

    /**
     * What {@code clusterId} was launched with (ListSteps and ListBootstrapActions, page by page until found), or
     * empty when it was not launched by this tool. EMR answers for a terminated cluster for weeks after its end.
     */
    public Optional<LaunchedWith> launchedWith(String clusterId) {
        requireNonNull(clusterId, "clusterId is null");
        // Every step carries the same options, so the first page that has one is enough: the pages are read lazily.
        List<List<String>> steps = call("ListSteps " + clusterId, () -> client.listStepsPaginator(
                b -> b.clusterId(clusterId)).steps().stream().filter(st -> st.config() != null)
                .map(st -> st.config().args()).filter(a -> a.contains("step")).limit(1).toList());
        List<List<String>> installs = call("ListBootstrapActions " + clusterId, () -> client
                .listBootstrapActionsPaginator(b -> b.clusterId(clusterId)).bootstrapActions().stream()
                .filter(a -> BootstrapSettings.INSTALL_ACTION.equals(a.name())).map(a -> a.args()).limit(1).toList());
        return LaunchedWith.from(steps, installs);
    }

    /** Asks EMR to terminate these clusters (TerminateJobFlows); nothing is sent for none. */
    public void terminate(List<String> clusterIds) {
        List<String> ids = List.copyOf(requireNonNull(clusterIds, "clusterIds is null"));
        if (!ids.isEmpty()) {
            call("TerminateJobFlows " + String.join(" ", ids), () -> client.terminateJobFlows(b -> b.jobFlowIds(ids)));
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private static ClusterInfo info(String id, String name, ClusterStatus status, Map<String, String> tags) {
        ClusterStateChangeReason reason = status == null ? null : status.stateChangeReason();
        return new ClusterInfo(id, name == null ? "" : name, status == null ? "" : status.stateAsString(),
                Optional.ofNullable(reason).map(ClusterStateChangeReason::codeAsString),
                Optional.ofNullable(reason).map(ClusterStateChangeReason::message), tags);
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw EmrErrors.map(what, e);
        }
    }

}
