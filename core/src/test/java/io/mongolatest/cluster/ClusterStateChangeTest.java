package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;

class ClusterStateChangeTest {
    /** The shape EventBridge delivers (EMR's documented fields; stateChangeReason is JSON text). */
    static String event(String name, String state, String reason) {
        return """
                {"version":"0","id":"6f8b2a2e-0000-4000-8000-000000000001","detail-type":"EMR Cluster State Change",
                 "source":"aws.emr","account":"123456789012","time":"2022-01-10T03:04:05Z","region":"eu-west-2",
                 "resources":[],
                 "detail":{"severity":"CRITICAL","stateChangeReason":%s,"name":"%s","clusterId":"j-1A6KVTAXNFCW0",
                           "state":"%s","message":"Amazon EMR Cluster j-1A6KVTAXNFCW0 (%s) has terminated with errors"}}
                """.formatted(reason, name, state, name);
    }

    @Test
    void readsTheDetailAndTheReasonInsideItsJsonText() {
        ClusterStateChange e = ClusterStateChange.read(new ByteArrayInputStream(event("mongo-latest",
                "TERMINATED_WITH_ERRORS", "\"{\\\"code\\\":\\\"STEP_FAILURE\\\",\\\"message\\\":\\\"Shut down as step"
                        + " failed\\\"}\"").getBytes(StandardCharsets.UTF_8)), "event.json");
        assertThat(e).isEqualTo(new ClusterStateChange("j-1A6KVTAXNFCW0", "mongo-latest", "TERMINATED_WITH_ERRORS",
                Optional.of("STEP_FAILURE"), Optional.of("Shut down as step failed"),
                Optional.of("Amazon EMR Cluster j-1A6KVTAXNFCW0 (mongo-latest) has terminated with errors")));
        assertThat(e.terminatedWithErrors()).isTrue();
        assertThat(e.describe()).isEqualTo("j-1A6KVTAXNFCW0 (mongo-latest) TERMINATED_WITH_ERRORS: STEP_FAILURE");
    }

    @Test
    void theOriginalRelaunchersTestEventHasOnlyADetail() {
        ClusterStateChange e = ClusterStateChange.parse("{\"detail\":{\"severity\":\"CRITICAL\",\"stateChangeReason\":"
                + "\"{\\\"code\\\":\\\"BOOTSTRAP_FAILURE\\\"}\",\"name\":\"mongo-latest\",\"clusterId\":\"j-1\","
                + "\"state\":\"TERMINATED_WITH_ERRORS\"}}", "-");
        assertThat(e.reasonCode()).contains("BOOTSTRAP_FAILURE");
        assertThat(e.reasonMessage()).isEmpty();
        assertThat(e.message()).isEmpty();
    }

    @Test
    void anEventAsTheMessageOfAnSnsNotificationIsUnwrapped() {
        String inner = "{\"detail\":{\"clusterId\":\"j-2\",\"name\":\"mongo-latest\",\"state\":\"TERMINATED\"}}";
        String sns = "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":"
                + new com.fasterxml.jackson.databind.node.TextNode(inner) + "}}]}";
        ClusterStateChange e = ClusterStateChange.parse(sns, "sns.json");
        assertThat(e.clusterId()).isEqualTo("j-2");
        assertThat(e.reasonCode()).isEmpty();
        assertThat(e.terminatedWithErrors()).isFalse();
    }

    @Test
    void otherInputIsAOneLineUserError() {
        assertThatThrownBy(() -> ClusterStateChange.parse("{\"detail-type\":\"EMR Step Status Change\","
                + "\"detail\":{}}", "e.json")).isInstanceOf(MongoLatestException.class)
                .hasMessage("e.json is a 'EMR Step Status Change' event, not 'EMR Cluster State Change'");
        assertThatThrownBy(() -> ClusterStateChange.parse("{\"source\":\"aws.ec2\",\"detail\":{}}", "e.json"))
                .hasMessage("e.json comes from 'aws.ec2', not aws.emr");
        assertThatThrownBy(() -> ClusterStateChange.parse("{\"detail\":{\"state\":\"TERMINATED\"}}", "e.json"))
                .hasMessage("e.json detail: missing 'clusterId'");
        assertThatThrownBy(() -> ClusterStateChange.parse("{}", "e.json"))
                .hasMessage("e.json: missing the object 'detail'");
        assertThatThrownBy(() -> ClusterStateChange.parse("[1]", "e.json")).hasMessage("e.json must be a JSON object");
        assertThatThrownBy(() -> ClusterStateChange.parse("{\"detail\":", "e.json"))
                .hasMessageStartingWith("e.json is not JSON: ").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ClusterStateChange.parse("{\"detail\":{\"clusterId\":\"j-1\",\"state\":\"X\","
                + "\"stateChangeReason\":\"not json\"}}", "e.json"))
                .hasMessageStartingWith("e.json detail stateChangeReason is not JSON");
        assertThatThrownBy(() -> ClusterStateChange.parse("{\"Records\":[{}]}", "e.json"))
                .hasMessage("e.json has Records but no Records[0].Sns.Message text: not an SNS notification");
    }
}
