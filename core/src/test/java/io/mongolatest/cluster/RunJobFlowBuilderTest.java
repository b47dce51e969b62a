package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.Tag;

class RunJobFlowBuilderTest {
    private static final RunJobFlowBuilder BUILDER = new RunJobFlowBuilder(ClusterFixtures.CATALOG);

    private static RunJobFlowRequest request(String profile) {
        return BUILDER.build(ClusterFixtures.profile(profile), ClusterFixtures.launch()).request();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = RunJobFlowBuilderTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "qa", "integration", "preprod", "production"})
    void theRequestOfEveryShippedProfileMatchesItsGoldenFile(String profile) throws IOException {
        JobFlowPlan plan = BUILDER.build(ClusterFixtures.profile(profile), ClusterFixtures.launch());
        assertThat(plan.prettyJson()).isEqualTo(golden(profile + "-runjobflow.json"));
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(plan.wireJson())).isEqualTo(json.readTree(plan.prettyJson()));
        assertThat(plan.wireJson()).doesNotContain("\n");
    }

    @Test
    void oneStepPerPipelineStepInPipelineOrderEachRunningItsStep() {
        RunJobFlowRequest r = request("production");
        assertThat(r.steps()).extracting(StepConfig::name).containsExactlyElementsOf(ClusterFixtures.STEPS);
        for (StepConfig step : r.steps()) {
            assertThat(step.hadoopJarStep().jar()).isEqualTo("command-runner.jar");
            assertThat(step.hadoopJarStep().args()).startsWith("spark-submit", "--deploy-mode", "client", "--class",
                    "io.mongolatest.cli.Main", "/opt/mongo-latest/mongo-latest.jar", "step", step.name(),
                    "--correlation-id", "golden-run-1");
            assertThat(step.hadoopJarStep().args()).endsWith("--product", "/opt/mongo-latest/product", "--engine",
                    "spark", "--max-bad-fraction", "0.001");
        }
        assertThat(r.steps()).extracting(StepConfig::actionOnFailure).containsExactly(
                ActionOnFailure.TERMINATE_CLUSTER, ActionOnFailure.TERMINATE_CLUSTER, ActionOnFailure.TERMINATE_CLUSTER,
                ActionOnFailure.TERMINATE_CLUSTER, ActionOnFailure.TERMINATE_CLUSTER, ActionOnFailure.CONTINUE);
        assertThat(request("development").steps()).extracting(StepConfig::actionOnFailure)
                .containsOnly(ActionOnFailure.CONTINUE);
    }

    @Test
    void theRunsTagsFollowTheProfilesElevenAndTheInstallGetsTheJarAndProduct() {
        RunJobFlowRequest r = request("qa");
        Map<String, String> tags = r.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
        assertThat(r.tags()).hasSize(14);
        assertThat(tags).containsEntry("Correlation_Id", "golden-run-1").containsEntry("snapshot_type", "incremental")
                .containsEntry("export_date", "2022-01-10").containsEntry("DWX_Environment", "qa");
        assertThat(r.bootstrapActions().get(0).name()).isEqualTo("install-mongo-latest");
        assertThat(r.bootstrapActions().get(0).scriptBootstrapAction().args()).containsExactly(
                "s3://artefact-bucket/mongo-latest/mongo-latest-0.1.0.jar", "s3://artefact-bucket/mongo-latest/product/");
        assertThat(r.stepConcurrencyLevel()).isNull();
        assertThat(r.autoTerminationPolicy()).isNull();
        assertThat(r.managedScalingPolicy()).isNull();
        assertThat(r.customAmiId()).isNull();
        assertThat(r.instances().instanceFleets()).allSatisfy(f -> assertThat(f.targetSpotCapacity()).isNull());
    }

    @Test
    void noPushgatewayMeansNoPushgatewayOption() {
        LaunchParameters l = ClusterFixtures.launch();
        LaunchParameters without = new LaunchParameters(l.correlationId(), l.exportDate(), l.snapshotType(), l.input(),
                l.warehouse(), l.ledger(), java.util.Optional.empty(), l.jar(), l.product(), l.steps(), List.of());
        assertThat(StepCommand.runOptions(without)).doesNotContain("--pushgateway").endsWith("--engine", "spark");
    }

    @Test
    void aStepsOptionsReadBackWithoutTheOnesNamedKeepTheirValues() {
        List<String> options = StepCommand.runOptions(ClusterFixtures.launch(ClusterFixtures.STEPS, List.of(
                "--max-bad-fraction", "0.25", "--full-rebuild", "--spark-conf", "spark.sql.shuffle.partitions=400",
                "--memory=4GiB")));
        assertThat(StepCommand.without(options, StepCommand.OWN_OPTIONS)).containsExactly("--max-bad-fraction",
                "0.25", "--full-rebuild", "--spark-conf", "spark.sql.shuffle.partitions=400", "--memory=4GiB");
        assertThat(StepCommand.without(options, java.util.Set.of("--full-rebuild")))
                .containsSubsequence("--max-bad-fraction", "0.25", "--spark-conf").doesNotContain("--full-rebuild");
        assertThat(StepCommand.without(options, java.util.Set.of("--memory", "--spark-conf")))
                .containsSubsequence("--correlation-id", "--max-bad-fraction", "0.25").doesNotContain("--memory=4GiB",
                        "spark.sql.shuffle.partitions=400");
    }

    @Test
    void aRunOptionMayNotSetWhatLaunchSets() {
        assertThatThrownBy(() -> StepCommand.runOptions(ClusterFixtures.launch(ClusterFixtures.STEPS,
                List.of("--warehouse=s3://elsewhere/"))))
                .isInstanceOf(MongoLatestException.class)
                .hasMessage("run option --warehouse is set by launch from the run; give it as a launch option instead");
    }

    @Test
    void aProfileExceptionForAStepThePipelineLacksIsAUserError() {
        assertThatThrownBy(() -> BUILDER.build(ClusterFixtures.profile("qa"),
                ClusterFixtures.launch(List.of("courtesy-flush", "mongo-latest-build"), List.of())))
                .isInstanceOf(MongoLatestException.class)
                .hasMessage("profile qa sets the ActionOnFailure of step 'flush-pushgateway', which the pipeline does"
                        + " not have (steps: courtesy-flush, mongo-latest-build)");
    }

    @Test
    void theShippedProfilesPlaceholdersAreListedWithTheirPlace() {
        List<String> found = BUILDER.build(ClusterFixtures.profile("production"), ClusterFixtures.launch())
                .placeholders();
        assertThat(found).contains("LogUri: s3://logstore-bucket-placeholder/emr/mongo_latest",
                "Instances.Ec2SubnetIds[1]: subnet-PLACEHOLDER-B",
                "ServiceRole: arn:aws:iam::ACCOUNT_ID:role/mongo_latest_emr_service",
                "BootstrapActions[0].ScriptBootstrapAction.Path: s3://artefact-bucket-placeholder/mongo-latest/"
                        + "install-mongo-latest.sh");
        assertThat(found).noneMatch(f -> f.startsWith("Steps"));
    }

    @Test
    void theDryRunJsonCarriesNoJavaEightGcFlags() throws IOException {
        for (String profile : ClusterProfiles.SHIPPED) {
            JsonNode r = new ObjectMapper().readTree(BUILDER.build(ClusterFixtures.profile(profile),
                    ClusterFixtures.launch()).wireJson());
            assertThat(r.toString()).doesNotContain("ConcMarkSweep", "PrintGCDateStamps", "hive-site", "tez-site");
            assertThat(r.path("Applications").toString()).isEqualTo("[{\"Name\":\"Spark\"}]");
        }
    }
}
