package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code launch --dry-run} prints is byte for byte what a launch puts on the wire. */
class RunJobFlowWireTest {
    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void theRenderingIsTheBodyTheSdkSends(String profile) {
        JobFlowPlan plan = new RunJobFlowBuilder(ClusterFixtures.CATALOG).build(ClusterFixtures.profile(profile),
                ClusterFixtures.launch());
        try (EmrStub emr = EmrStub.start(); EmrClusters clusters = EmrClusters.open(emr.endpoint())) {
            emr.answer("RunJobFlow", 200, "{\"JobFlowId\":\"j-1\",\"ClusterArn\":\"arn:x\"}");
            clusters.runJobFlow(plan.request());
            assertThat(emr.requests("RunJobFlow")).hasSize(1);
            assertThat(emr.requests("RunJobFlow").get(0).getHeader("Content-Type"))
                    .isEqualTo(EmrStub.JSON_1_1);
            assertThat(emr.requests("RunJobFlow").get(0).getBodyAsString()).isEqualTo(plan.wireJson());
        }
    }
}
