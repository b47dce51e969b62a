package io.mongolatest.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

/**
 * What {@code ledger init} asks of DynamoDB about TTL, checked request by request against a stub of the
 * DynamoDB JSON API on 127.0.0.1 (no open-source emulator has TTL). The stub answers as DynamoDB does.
 */
class DynamoDbTimeToLiveTest {
    private static final String TABLE = "data_pipeline_metadata";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final String ACTIVE_TABLE = "{\"Table\":{\"TableName\":\"" + TABLE + "\",\"TableStatus\":\"ACTIVE\","
            + "\"KeySchema\":[{\"AttributeName\":\"Correlation_Id\",\"KeyType\":\"HASH\"},"
            + "{\"AttributeName\":\"DataProduct\",\"KeyType\":\"RANGE\"}]}}";
    private static final String ENABLE_REQUEST = "{\"TableName\":\"" + TABLE + "\",\"TimeToLiveSpecification\":"
            + "{\"Enabled\":true,\"AttributeName\":\"TimeToExist\"}}";

    private static WireMockServer dynamoDb;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        dynamoDb = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        dynamoDb.start();
        endpoint = URI.create("http://127.0.0.1:" + dynamoDb.port());
    }

    @BeforeEach
    void forgetEarlierTests() {
        dynamoDb.resetAll(); // stubs, scenarios and the request journal
    }

    @AfterAll
    static void stop() {
        dynamoDb.stop();
    }

    @Test
    void enablesTimeToLiveOnTimeToExistOnceWhenItIsDisabled() {
        dynamoDb.stubFor(call("DescribeTable").willReturn(ok(ACTIVE_TABLE)));
        dynamoDb.stubFor(call("DescribeTimeToLive").willReturn(ttl("\"TimeToLiveStatus\":\"DISABLED\"")));
        dynamoDb.stubFor(call("UpdateTimeToLive").willReturn(ok(
                "{\"TimeToLiveSpecification\":{\"AttributeName\":\"TimeToExist\",\"Enabled\":true}}")));

        init(true);

        dynamoDb.verify(exactly(1), requested("UpdateTimeToLive").withRequestBody(equalToJson(ENABLE_REQUEST)));
        dynamoDb.verify(exactly(1), requested("UpdateTimeToLive"));
        dynamoDb.verify(exactly(0), requested("CreateTable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENABLED", "ENABLING"})
    void leavesTimeToLiveAloneWhenItIsOnOrComingOn(String status) {
        dynamoDb.stubFor(call("DescribeTable").willReturn(ok(ACTIVE_TABLE)));
        dynamoDb.stubFor(call("DescribeTimeToLive").willReturn(ttl(
                "\"AttributeName\":\"TimeToExist\",\"TimeToLiveStatus\":\"" + status + "\"")));

        init(true);

        dynamoDb.verify(exactly(1), requested("DescribeTimeToLive"));
        dynamoDb.verify(exactly(0), requested("UpdateTimeToLive"));
    }

    @Test
    void createsAMissingTableWithTheOriginalsKeysThenEnablesTimeToLive() {
        dynamoDb.stubFor(call("DescribeTable").inScenario("table").whenScenarioStateIs(STARTED)
                .willReturn(error("ResourceNotFoundException", "Requested resource not found: Table: " + TABLE
                        + " not found")));
        dynamoDb.stubFor(call("CreateTable").inScenario("table").whenScenarioStateIs(STARTED)
                .willSetStateTo("created").willReturn(ok("{\"TableDescription\":{\"TableName\":\"" + TABLE
                        + "\",\"TableStatus\":\"CREATING\"}}")));
        dynamoDb.stubFor(call("DescribeTable").inScenario("table").whenScenarioStateIs("created")
                .willReturn(ok(ACTIVE_TABLE)));
        dynamoDb.stubFor(call("DescribeTimeToLive").willReturn(ttl("\"TimeToLiveStatus\":\"DISABLED\"")));
        dynamoDb.stubFor(call("UpdateTimeToLive").willReturn(ok(
                "{\"TimeToLiveSpecification\":{\"AttributeName\":\"TimeToExist\",\"Enabled\":true}}")));

        init(true);

        dynamoDb.verify(exactly(1), requested("CreateTable").withRequestBody(equalToJson("{\"TableName\":\"" + TABLE
                + "\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":["
                + "{\"AttributeName\":\"Correlation_Id\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"DataProduct\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":["
                + "{\"AttributeName\":\"Correlation_Id\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"DataProduct\",\"AttributeType\":\"S\"}]}", true, false)));
        dynamoDb.verify(exactly(1), requested("UpdateTimeToLive").withRequestBody(equalToJson(ENABLE_REQUEST)));
    }

    @Test
    void aRefusalIsOneClearLineAndIsNotRetried() {
        dynamoDb.stubFor(call("DescribeTable").willReturn(ok(ACTIVE_TABLE)));
        dynamoDb.stubFor(call("DescribeTimeToLive").willReturn(ttl("\"TimeToLiveStatus\":\"DISABLED\"")));
        dynamoDb.stubFor(call("UpdateTimeToLive").willReturn(error("AccessDeniedException", "User: "
                + "arn:aws:iam::123456789012:user/ci is not authorized to perform: dynamodb:UpdateTimeToLive")));

        assertThatThrownBy(() -> init(true))
                .isInstanceOfSatisfying(MongoLatestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
                .hasMessageStartingWith("ledger dynamodb:" + TABLE + " @ " + endpoint
                        + ": cannot enable TTL on TimeToExist: User: arn:aws:iam::123456789012:user/ci is not "
                        + "authorized to perform: dynamodb:UpdateTimeToLive")
                .hasMessageNotContaining("\n");
        dynamoDb.verify(exactly(1), requested("UpdateTimeToLive").withRequestBody(equalToJson(ENABLE_REQUEST)));
        // Asked again after the refusal: another init may have enabled it meanwhile.
        dynamoDb.verify(exactly(2), requested("DescribeTimeToLive"));
    }

    @Test
    void aStoreWithoutTheOperationIsAUserErrorNamingTheFlag() {
        dynamoDb.stubFor(call("DescribeTable").willReturn(ok(ACTIVE_TABLE)));
        dynamoDb.stubFor(call("DescribeTimeToLive").willReturn(ttl("\"TimeToLiveStatus\":\"DISABLED\"")));
        dynamoDb.stubFor(call("UpdateTimeToLive").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", JSON_1_0)
                .withBody("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}")));

        assertThatThrownBy(() -> init(true))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                .hasMessage("ledger dynamodb:" + TABLE + " @ " + endpoint + " does not support UpdateTimeToLive (an "
                        + "emulator?), so TTL on TimeToExist cannot be enabled; to create the table without it, "
                        + "give ledger init --no-ttl");
        dynamoDb.verify(exactly(1), requested("UpdateTimeToLive"));
    }

    @Test
    void withoutTimeToLiveInitAsksNothingAboutIt() {
        dynamoDb.stubFor(call("DescribeTable").willReturn(ok(ACTIVE_TABLE)));

        init(false);

        dynamoDb.verify(exactly(0), requested("DescribeTimeToLive"));
        dynamoDb.verify(exactly(0), requested("UpdateTimeToLive"));
        dynamoDb.verify(exactly(0), requested("CreateTable"));
    }

    private void init(boolean enableTimeToLive) {
        try (DynamoDbLedger ledger = DynamoDbLedger.open(TABLE, endpoint, enableTimeToLive)) {
            ledger.init();
        }
    }

    private static MappingBuilder call(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810." + operation));
    }

    private static RequestPatternBuilder requested(String operation) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810." + operation));
    }

    private static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_0).withBody(json);
    }

    private static ResponseDefinitionBuilder ttl(String description) {
        return ok("{\"TimeToLiveDescription\":{" + description + "}}");
    }

    private static ResponseDefinitionBuilder error(String type, String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", JSON_1_0)
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message
                        + "\"}");
    }
}
