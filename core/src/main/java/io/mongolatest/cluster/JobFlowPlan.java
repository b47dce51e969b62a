package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /**
     * Where the request still holds a shipped profile's placeholder ({@code ACCOUNT_ID}, {@code ...PLACEHOLDER...}, lower case in bucket names),
     * as {@code path: value}: a real launch refuses such a request, a dry run shows it.
     */
    public List<String> placeholders() {
        List<String> found = new ArrayList<>();
        try {
            collect(new ObjectMapper().readTree(wireJson()), "", found);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK wrote a RunJobFlow body that is not JSON", e);
        }
        return found;
    }

    private static void collect(JsonNode node, String path, List<String> found) {
        if (node.isTextual() && (node.asText().toUpperCase(Locale.ROOT).contains("PLACEHOLDER")
                || node.asText().contains("ACCOUNT_ID"))) {
            found.add(path + ": " + node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), found);
            }
        }
    }
}
