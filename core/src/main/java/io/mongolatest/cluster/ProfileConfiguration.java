package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration classification as a profile writes it: properties, and nested configurations (the
 * {@code export} of the {@code *-env} classifications).
 */
public record ProfileConfiguration(String classification, Map<String, String> properties,
                                   List<ProfileConfiguration> configurations) {
    public ProfileConfiguration {
        requireNonNull(classification, "classification is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(properties,
                "properties is null")));
        configurations = List.copyOf(requireNonNull(configurations, "configurations is null"));
    }
}
