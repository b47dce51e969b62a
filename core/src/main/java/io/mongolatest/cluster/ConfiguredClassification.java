package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.emr.model.Configuration;

/** One classification as launch sends it: every property with where its value came from. */
public record ConfiguredClassification(String classification, List<Property> properties,
                                       List<ProfileConfiguration> configurations) {
    public ConfiguredClassification {
        requireNonNull(classification, "classification is null");
        properties = List.copyOf(requireNonNull(properties, "properties is null"));
        configurations = List.copyOf(requireNonNull(configurations, "configurations is null"));
    }

    /** One property of a classification. */
    public record Property(String key, String value, PropertyOrigin origin) {
        public Property {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            requireNonNull(origin, "origin is null");
        }
    }

    /** The properties, in order, as EMR takes them. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach(p -> out.put(p.key(), p.value()));
        return out;
    }

    public Configuration toSdk() {
        return sdk(classification, values(), configurations);
    }

    /** Empty lists are left out rather than sent as {@code []}, as the original's files did. */
    private static Configuration sdk(String classification, Map<String, String> properties,
            List<ProfileConfiguration> nested) {
        Configuration.Builder b = Configuration.builder().classification(classification).properties(properties);
        if (!nested.isEmpty()) {
            b.configurations(nested.stream().map(c -> sdk(c.classification(), c.properties(), c.configurations()))
                    .toList());
        }
        return b.build();
    }
}
