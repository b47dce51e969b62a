package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything one environment's cluster needs, in one reviewable file: what the original's four files
 * ({@code cluster.yaml}, {@code instances.yaml}, {@code configurations.yaml}, {@code steps.yaml}) held, and the
 * relauncher's settings. The configurations here are laid over the ones {@code tune} computes.
 */
public record ClusterProfile(String name, ClusterSettings cluster, InstanceSettings instances,
                             StepFailurePolicy steps, BootstrapSettings bootstrap, RelaunchPolicy relaunch,
                             List<ProfileConfiguration> configurations) {
    public ClusterProfile {
        requireNonNull(name, "name is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(instances, "instances is null");
        requireNonNull(steps, "steps is null");
        requireNonNull(bootstrap, "bootstrap is null");
        requireNonNull(relaunch, "relaunch is null");
        configurations = List.copyOf(requireNonNull(configurations, "configurations is null"));
    }
}
