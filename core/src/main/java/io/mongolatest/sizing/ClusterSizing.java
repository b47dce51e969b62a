package io.mongolatest.sizing;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mongolatest.DataSize;

/** The computed settings for one cluster shape, in output order, each with its rule. */
public record ClusterSizing(ClusterShape shape, NodeLayout node, List<Setting> settings) {
    public ClusterSizing {
        requireNonNull(shape, "shape is null");
        requireNonNull(node, "node is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        Set<String> seen = new LinkedHashSet<>();
        for (Setting s : settings) {
            if (!seen.add(s.classification().emrName() + "/" + s.key())) {
                throw new IllegalArgumentException("setting computed twice: " + s.key());
            }
        }
    }

    public List<Setting> settings(Classification classification) {
        return settings.stream().filter(s -> s.classification() == classification).toList();
    }

    /** The classifications that have at least one setting, in output order. */
    public Set<Classification> classifications() {
        Set<Classification> result = EnumSet.noneOf(Classification.class);
        settings.forEach(s -> result.add(s.classification()));
        return Collections.unmodifiableSet(result);
    }

    public Optional<Setting> find(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The value of {@code key}; the key must be one this tool computes. */
    public String value(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no setting " + key)).value();
    }

    /** YARN memory of all core nodes together. */
    public DataSize totalYarnMemory() {
        return node.yarnMemory().times(shape.coreCount());
    }

    /** Tez task containers the whole cluster runs at once. */
    public long totalContainers() {
        return node.containersPerNode() * shape.coreCount();
    }
}
