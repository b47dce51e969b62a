package io.mongolatest.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * EMR's control plane as WireMock stubs on 127.0.0.1, on a port WireMock picks. EMR speaks AWS JSON 1.1: every
 * call is a POST to {@code /}, the operation in {@code X-Amz-Target: ElasticMapReduce.<Operation>}.
 */
public final class EmrStub implements AutoCloseable {
    public static final String JSON_1_1 = "application/x-amz-json-1.1";

    private final WireMockServer server;

    private EmrStub(WireMockServer server) {
        this.server = server;
    }

    public static EmrStub start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        return new EmrStub(server);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public static MappingBuilder operation(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("ElasticMapReduce." + operation));
    }

    /** Answers {@code operation} with {@code status} and a JSON body. */
    public void answer(MappingBuilder request, int status, String body) {
        server.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON_1_1)
                .withBody(body)));
    }

    public void answer(String operation, int status, String body) {
        answer(operation(operation), status, body);
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /**
     * Answers ListSteps and ListBootstrapActions for {@code clusterId} as EMR would for a cluster started by the
     * RunJobFlow request {@code runJobFlowBody}: its steps' and bootstrap actions' arguments.
     */
    public void listingsOf(String clusterId, String runJobFlowBody) {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode request = json.readTree(runJobFlowBody);
            ArrayNode steps = json.createArrayNode();
            int n = 0;
            for (JsonNode step : request.path("Steps")) {
                ObjectNode s = steps.addObject().put("Id", "s-" + ++n).put("Name", step.path("Name").asText())
                        .put("ActionOnFailure", step.path("ActionOnFailure").asText());
                s.putObject("Config").put("Jar", step.path("HadoopJarStep").path("Jar").asText())
                        .set("Args", step.path("HadoopJarStep").path("Args"));
                s.putObject("Status").put("State", "COMPLETED");
            }
            ArrayNode actions = json.createArrayNode();
            for (JsonNode action : request.path("BootstrapActions")) {
                actions.addObject().put("Name", action.path("Name").asText())
                        .put("ScriptPath", action.path("ScriptBootstrapAction").path("Path").asText())
                        .set("Args", action.path("ScriptBootstrapAction").path("Args"));
            }
            answer(operation("ListSteps").withRequestBody(matchingJsonPath("$.ClusterId", equalTo(clusterId))), 200,
                    json.createObjectNode().set("Steps", steps).toString());
            answer(operation("ListBootstrapActions").withRequestBody(matchingJsonPath("$.ClusterId",
                    equalTo(clusterId))), 200, json.createObjectNode().set("BootstrapActions", actions).toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a RunJobFlow request: " + e.getMessage(), e);
        }
    }

    /** The requests made for {@code operation}, oldest first. */
    public List<LoggedRequest> requests(String operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("ElasticMapReduce." + operation)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
