package io.mongolatest.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

class EmrClustersTest {
    private EmrStub emr;
    private EmrClusters clusters;

    @BeforeEach
    void start() {
        emr = EmrStub.start();
        clusters = EmrClusters.open(emr.endpoint());
    }

    @AfterEach
    void stop() {
        clusters.close();
        emr.close();
    }

    private static MongoLatestException failure(Runnable call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).isInstanceOf(MongoLatestException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return (MongoLatestException) t;
    }

    @Test
    void runJobFlowReturnsTheClusterAndSendsTheBuiltRequest() throws IOException {
        emr.answer("RunJobFlow", 200, "{\"JobFlowId\":\"j-2AXXXXXXGAPLF\","
                + "\"ClusterArn\":\"arn:aws:elasticmapreduce:eu-west-2:123456789012:cluster/j-2AXXXXXXGAPLF\"}");
        JobFlowPlan plan = new RunJobFlowBuilder(ClusterFixtures.CATALOG).build(ClusterFixtures.profile("qa"),
                ClusterFixtures.launch());
        ClusterRef ref = clusters.runJobFlow(plan.request());
        assertThat(ref).isEqualTo(new ClusterRef("j-2AXXXXXXGAPLF",
                "arn:aws:elasticmapreduce:eu-west-2:123456789012:cluster/j-2AXXXXXXGAPLF"));
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(emr.requests("RunJobFlow").get(0).getBodyAsString()).path("Name").asText())
                .isEqualTo("mongo-latest");
    }

    @Test
    void anAnswerWithoutAClusterIdIsExternal() {
        emr.answer("RunJobFlow", 200, "{}");
        MongoLatestException e = failure(() -> clusters.runJobFlow(ClusterFixtures.launchRequest()));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).isEqualTo("EMR RunJobFlow answered without a cluster id");
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
    }

    @Test
    void activeReadsEveryPageAndKeepsOnlyClustersOfExactlyThatName() {
        String states = "{\"ClusterStates\":[\"STARTING\",\"BOOTSTRAPPING\",\"RUNNING\",\"WAITING\"]}";
        emr.answer(EmrStub.operation("ListClusters").withRequestBody(matchingJsonPath("$.Marker", absent()))
                .withRequestBody(equalToJson(states)), 200, "{\"Clusters\":["
                + summary("j-PAGE1A", "mongo-latest", "RUNNING") + "," + summary("j-PAGE1B", "mongo-latest-test",
                "WAITING") + "],\"Marker\":\"m2\"}");
        emr.answer(EmrStub.operation("ListClusters").withRequestBody(matchingJsonPath("$.Marker", equalTo("m2")))
                .withRequestBody(matchingJsonPath("$.ClusterStates[3]", equalTo("WAITING"))), 200, "{\"Clusters\":["
                + summary("j-PAGE2A", "other", "RUNNING") + "],\"Marker\":\"m3\"}");
        emr.answer(EmrStub.operation("ListClusters").withRequestBody(matchingJsonPath("$.Marker", equalTo("m3"))),
                200, "{\"Clusters\":[" + summary("j-PAGE3A", "mongo-latest", "BOOTSTRAPPING") + "]}");

        List<ClusterInfo> active = clusters.active("mongo-latest");

        assertThat(active).extracting(ClusterInfo::id).containsExactly("j-PAGE1A", "j-PAGE3A");
        assertThat(active).extracting(ClusterInfo::state).containsExactly("RUNNING", "BOOTSTRAPPING");
        assertThat(emr.requests("ListClusters")).hasSize(3);
    }

    private static String summary(String id, String name, String state) {
        return "{\"Id\":\"" + id + "\",\"Name\":\"" + name + "\",\"Status\":{\"State\":\"" + state + "\"}}";
    }

    @Test
    void terminateSendsExactlyTheGivenIds() {
        emr.answer("TerminateJobFlows", 200, "{}");
        clusters.terminate(List.of("j-AAA", "j-BBB"));
        clusters.terminate(List.of());
        assertThat(emr.requests("TerminateJobFlows")).hasSize(1);
        assertThat(emr.requests("TerminateJobFlows").get(0).getBodyAsString())
                .isEqualTo("{\"JobFlowIds\":[\"j-AAA\",\"j-BBB\"]}");
    }

    @Test
    void describeGivesStateReasonAndTags() {
        emr.answer(EmrStub.operation("DescribeCluster").withRequestBody(equalToJson("{\"ClusterId\":\"j-XYZ\"}")),
                200, "{\"Cluster\":{\"Id\":\"j-XYZ\",\"Name\":\"mongo-latest\",\"Status\":{\"State\":"
                        + "\"TERMINATED_WITH_ERRORS\",\"StateChangeReason\":{\"Code\":\"STEP_FAILURE\",\"Message\":"
                        + "\"Shut down as step failed\"}},\"Tags\":[{\"Key\":\"Correlation_Id\",\"Value\":\"run-7\"},"
                        + "{\"Key\":\"export_date\",\"Value\":\"2022-01-10\"}]}}");
        ClusterInfo info = clusters.describe("j-XYZ");
        assertThat(info).isEqualTo(new ClusterInfo("j-XYZ", "mongo-latest", "TERMINATED_WITH_ERRORS",
                Optional.of("STEP_FAILURE"), Optional.of("Shut down as step failed"),
                Map.of("Correlation_Id", "run-7", "export_date", "2022-01-10")));
        assertThat(info.tag("Correlation_Id")).contains("run-7");
    }

    @Test
    void aValidationErrorIsOneUserLineWithTheServicesMessage() {
        emr.answer("RunJobFlow", 400, "{\"__type\":\"ValidationException\",\"message\":\"Classification 'hive-site'"
                + " is not valid for parent classification 'null'.\\nSee the release guide.\"}");
        MongoLatestException e = failure(() -> clusters.runJobFlow(ClusterFixtures.launchRequest()));
        assertThat(e.kind()).isEqualTo(ErrorKind.USER);
        assertThat(e.getMessage()).isEqualTo("EMR RunJobFlow refused: Classification 'hive-site' is not valid for"
                + " parent classification 'null'. See the release guide. (ValidationException)");
        assertThat(emr.requests("RunJobFlow")).hasSize(1);
    }

    @Test
    void accessDeniedAndUnknownClustersAreTheUsersToFix() {
        emr.answer("TerminateJobFlows", 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::1:"
                + "user/x is not authorized to perform: elasticmapreduce:TerminateJobFlows\"}");
        MongoLatestException denied = failure(() -> clusters.terminate(List.of("j-1")));
        assertThat(denied.kind()).isEqualTo(ErrorKind.USER);
        assertThat(denied.getMessage()).startsWith("EMR TerminateJobFlows j-1 refused: User: arn:aws:iam::1:user/x is"
                + " not authorized").endsWith("(AccessDeniedException)");
        emr.answer("DescribeCluster", 400, "{\"__type\":\"InvalidRequestException\",\"ErrorCode\":\"NoSuchCluster\","
                + "\"Message\":\"Cluster id 'j-NOPE' is not valid.\"}");
        MongoLatestException unknown = failure(() -> clusters.describe("j-NOPE"));
        assertThat(unknown.kind()).isEqualTo(ErrorKind.USER);
        assertThat(unknown.getMessage()).contains("Cluster id 'j-NOPE' is not valid.");
    }

    @Test
    void serverErrorsAreExternalAfterABoundedNumberOfAttempts() {
        emr.answer("ListClusters", 500, "{\"__type\":\"InternalServerError\",\"message\":\"try later\"}");
        MongoLatestException e = failure(() -> clusters.active("mongo-latest"));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).isEqualTo("EMR ListClusters failed: try later (InternalServerError)");
        assertThat(emr.requests("ListClusters")).hasSize(3);
    }

    @Test
    void throttlingIsExternal() {
        emr.answer("DescribeCluster", 400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        MongoLatestException e = failure(() -> clusters.describe("j-1"));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).isEqualTo("EMR DescribeCluster j-1 failed: Rate exceeded (ThrottlingException)");
    }

    @Test
    void anEndpointThatDropsTheConnectionIsExternal() {
        emr.stub(EmrStub.operation("RunJobFlow").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        MongoLatestException e = failure(() -> clusters.runJobFlow(ClusterFixtures.launchRequest()));
        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
        assertThat(e.getMessage()).startsWith("EMR RunJobFlow failed: ");
    }
}
