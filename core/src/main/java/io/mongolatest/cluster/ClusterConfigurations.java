package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mongolatest.sizing.Classification;
import io.mongolatest.sizing.ClusterShape;
import io.mongolatest.sizing.ClusterSizing;
import io.mongolatest.sizing.InstanceCatalog;
import io.mongolatest.sizing.Setting;
import io.mongolatest.sizing.SizingRules;

/**
 * The configurations a launch sends: those {@code tune} computes for the profile's core instance type and
 * count, with the profile's own laid over them (the profile wins per property). Computed classifications of
 * applications the cluster does not install are not sent: EMR rejects a classification its release lacks.
 *
 * @param sizing          what the sizing rules computed, for explanations
 * @param classifications what is sent, in order: computed classifications first, then the profile's others
 * @param notSent         computed classifications left out, with the application each needs
 */
public record ClusterConfigurations(ClusterSizing sizing, List<ConfiguredClassification> classifications,
                                    Map<String, String> notSent) {
    public ClusterConfigurations {
        requireNonNull(sizing, "sizing is null");
        classifications = List.copyOf(requireNonNull(classifications, "classifications is null"));
        notSent = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(notSent, "notSent is null")));
    }

    private static final String ICEBERG_WHY = "the tables are Iceberg tables, and EMR puts its own Iceberg on"
            + " Spark's class path only when the cluster enables it";

    public static ClusterConfigurations of(ClusterProfile profile, InstanceCatalog catalog) {
        InstanceSettings instances = profile.instances();
        ClusterShape shape = new ClusterShape(catalog.require(instances.core().instanceType(), "core instance type"),
                instances.core().onDemandCount(),
                catalog.require(instances.master().instanceType(), "master instance type"));
        return merge(profile, SizingRules.size(shape));
    }

    static ClusterConfigurations merge(ClusterProfile profile, ClusterSizing sizing) {
        Map<String, ProfileConfiguration> own = new LinkedHashMap<>();
        profile.configurations().forEach(c -> own.put(c.classification(), c));
        List<ConfiguredClassification> out = new ArrayList<>();
        Map<String, String> notSent = new LinkedHashMap<>();
        for (Classification c : sizing.classifications()) {
            String name = c.emrName();
            if (!Classifications.applies(c, profile.cluster())) {
                notSent.put(name, Classifications.application(name).orElseThrow());
                continue;
            }
            out.add(merged(name, sizing.settings(c), own.remove(name)));
        }
        if (Classifications.applies(Classifications.ICEBERG, profile.cluster())) {
            out.add(required(Classifications.ICEBERG, Map.of("iceberg.enabled", "true"), ICEBERG_WHY,
                    own.remove(Classifications.ICEBERG)));
        }
        own.values().forEach(c -> out.add(merged(c.classification(), List.of(), c)));
        return new ClusterConfigurations(sizing, out, notSent);
    }

    /** {@code values} the tool needs, unless the profile sets them itself; the profile's others after them. */
    private static ConfiguredClassification required(String name, Map<String, String> values, String why,
                                                     ProfileConfiguration own) {
        Map<String, String> profileValues = own == null ? Map.of() : own.properties();
        List<ConfiguredClassification.Property> properties = new ArrayList<>();
        values.forEach((key, value) -> properties.add(profileValues.containsKey(key)
                ? new ConfiguredClassification.Property(key, profileValues.get(key), PropertyOrigin.profile())
                : new ConfiguredClassification.Property(key, value, PropertyOrigin.required(why))));
        profileValues.forEach((key, value) -> {
            if (!values.containsKey(key)) {
                properties.add(new ConfiguredClassification.Property(key, value, PropertyOrigin.profile()));
            }
        });
        return new ConfiguredClassification(name, properties, own == null ? List.of() : own.configurations());
    }

    private static ConfiguredClassification merged(String name, List<Setting> computed, ProfileConfiguration own) {
        Map<String, String> profileValues = own == null ? Map.of() : own.properties();
        List<ConfiguredClassification.Property> properties = new ArrayList<>();
        for (Setting s : computed) {
            String mine = profileValues.get(s.key());
            properties.add(mine == null ? new ConfiguredClassification.Property(s.key(), s.value(),
                    PropertyOrigin.computed(s))
                    : new ConfiguredClassification.Property(s.key(), mine, PropertyOrigin.profileOver(s)));
        }
        profileValues.forEach((key, value) -> {
            if (computed.stream().noneMatch(s -> s.key().equals(key))) {
                properties.add(new ConfiguredClassification.Property(key, value, PropertyOrigin.profile()));
            }
        });
        return new ConfiguredClassification(name, properties, own == null ? List.of() : own.configurations());
    }

    /**
     * Every value sent, each after a comment saying where it came from; properties lines read as
     * {@code classification.key=value}, like {@code tune}'s.
     */
    public String explain() {
        StringBuilder out = new StringBuilder();
        out.append("# cluster configurations: ").append(sizing.shape().describe()).append('\n');
        notSent.forEach((c, application) -> out.append("# not sent: ").append(c).append(" (the cluster has no ")
                .append(application).append(")\n"));
        for (ConfiguredClassification c : classifications) {
            out.append('\n');
            for (ConfiguredClassification.Property p : c.properties()) {
                out.append("# ").append(p.origin().explain()).append('\n');
                out.append(c.classification()).append('.').append(p.key()).append('=').append(p.value()).append('\n');
            }
            for (ProfileConfiguration nested : c.configurations()) {
                nested.properties().forEach((key, value) -> out.append("# from profile\n").append(c.classification())
                        .append('.').append(nested.classification()).append('.').append(key).append('=')
                        .append(value).append('\n'));
            }
        }
        return out.toString();
    }
}
