package io.mongolatest.sizing;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One entry of an EMR configurations list, as {@code aws emr create-cluster --configurations} and
 * RunJobFlow take it: {@code {"Classification": "...", "Properties": {"key": "value"}}}.
 */
@JsonPropertyOrder({"Classification", "Properties"})
public record EmrConfiguration(@JsonProperty("Classification") String classification,
        @JsonProperty("Properties") Map<String, String> properties) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public EmrConfiguration {
        requireNonNull(classification, "classification is null");
        // EMR wants every property value as a string; keep the computed order for readers.
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
    }

    /** One configuration per classification, in output order. */
    public static List<EmrConfiguration> of(ClusterSizing sizing) {
        return sizing.classifications().stream().map(c -> {
            Map<String, String> properties = new LinkedHashMap<>();
            sizing.settings(c).forEach(s -> properties.put(s.key(), s.value()));
            return new EmrConfiguration(c.emrName(), properties);
        }).toList();
    }

    /** The configurations list as JSON, two-space indented with {@code \n} line ends, ending with one. */
    public static String json(ClusterSizing sizing) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Spacing.AFTER))
                .withArrayIndenter(indenter)
                .withObjectIndenter(indenter);
        try {
            return JSON.writer(printer).writeValueAsString(of(sizing)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write EMR configurations as JSON", e);
        }
    }
}
