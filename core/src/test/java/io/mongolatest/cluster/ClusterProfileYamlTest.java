package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

class ClusterProfileYamlTest {
    private static final ClusterProfiles PROFILES = new ClusterProfiles(ClusterFixtures.CATALOG);

    static String shippedText(String name) throws IOException {
        try (InputStream in = ClusterProfiles.class.getResourceAsStream("profiles/" + name + ".yaml")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String message(String yaml) {
        Throwable t = catchThrowable(() -> new ClusterProfileYaml("p.yaml", ClusterFixtures.CATALOG).parse(yaml));
        assertThat(t).isInstanceOf(MongoLatestException.class);
        assertThat(((MongoLatestException) t).kind()).isEqualTo(ErrorKind.USER);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    /** The development profile with one line replaced. */
    private static String development(String line, String replacement) throws IOException {
        String text = shippedText("development");
        assertThat(text).contains(line);
        return text.replace(line, replacement);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // profile, environment tag, master, core count, keep alive, action on failure, max retries
            "development, Dev, m5.4xlarge, 10, true, CONTINUE, 0",
            "qa, Test, m5.4xlarge, 10, false, TERMINATE_CLUSTER, 0",
            "integration, Stage, m5.4xlarge, 10, false, TERMINATE_CLUSTER, 0",
            "preprod, Stage, m5.16xlarge, 40, false, TERMINATE_CLUSTER, 0",
            "production, Production, m5.16xlarge, 40, false, TERMINATE_CLUSTER, 2"})
    void shippedProfilesHoldTheOriginalsValuesPerEnvironment(String name, String environmentTag, String master,
            int coreCount, boolean keepAlive, StepFailureAction action, int maxRetries) {
        ClusterProfile p = PROFILES.load(name);
        assertThat(p.name()).isEqualTo(name);
        ClusterSettings c = p.cluster();
        assertThat(c.name()).isEqualTo("mongo-latest");
        assertThat(c.releaseLabel()).isEqualTo("emr-spark-8.0.0");
        assertThat(c.applications()).containsExactly("Spark");
        assertThat(c.ebsRootVolumeSizeGb()).isEqualTo(100);
        assertThat(c.scaleDownBehavior()).isEqualTo("TERMINATE_AT_TASK_COMPLETION");
        assertThat(c.visibleToAllUsers()).isTrue();
        assertThat(c.securityConfiguration()).isEqualTo("mongo_latest_ebs_emrfs");
        assertThat(c.tags()).containsExactly(
                entry("Persistence", "Ignore"), entry("AutoShutdown", "False"), entry("SSMEnabled", "True"),
                entry("Name", "mongo_latest"), entry("Application", "DataWorks"),
                entry("Function", "Data and Analytics"), entry("Business-Project", "PRJ0022507"),
                entry("Environment", environmentTag), entry("DWX_Environment", name),
                entry("DWX_Application", "mongo_latest"), entry("for-use-with-amazon-emr-managed-policies", "true"));
        InstanceSettings i = p.instances();
        assertThat(i.master()).isEqualTo(new InstanceSettings.Fleet(master, 1, new InstanceSettings.Ebs(250, "gp3", 1)));
        assertThat(i.core()).isEqualTo(new InstanceSettings.Fleet("m5.4xlarge", coreCount,
                new InstanceSettings.Ebs(250, "gp3", 1)));
        assertThat(i.keepAliveWhenNoSteps()).isEqualTo(keepAlive);
        assertThat(i.securityGroups().additionalMaster()).hasSize(1);
        assertThat(i.securityGroups().serviceAccess()).isPresent();
        assertThat(p.steps().actionFor("mongo-latest-build")).isEqualTo(action);
        assertThat(p.steps().actionFor("flush-pushgateway")).isEqualTo(StepFailureAction.CONTINUE);
        assertThat(p.relaunch()).isEqualTo(new RelaunchPolicy(maxRetries, 1, java.util.Set.of()));
        assertThat(p.bootstrap().installScript()).endsWith("/install-mongo-latest.sh");
        assertThat(p.configurations()).extracting(ProfileConfiguration::classification)
                .containsExactly("yarn-site", "spark", "emrfs-site");
        assertThat(p.configurations().toString()).doesNotContain("ConcMarkSweep", "PrintGCDateStamps");
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }

    @Test
    void aFileOfTheUsersLoadsByPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, shippedText("qa").replace("profile: qa", "profile: mine"));
        assertThat(PROFILES.load(file.toString()).name()).isEqualTo("mine");
    }

    @Test
    void aMissingFileOrUnknownNameIsAUserError(@TempDir Path dir) {
        Throwable missing = catchThrowable(() -> PROFILES.load(dir.resolve("none.yaml").toString()));
        assertThat(missing).isInstanceOf(MongoLatestException.class).hasMessageContaining("does not exist");
        Throwable unknown = catchThrowable(() -> PROFILES.load("staging"));
        assertThat(unknown).isInstanceOf(MongoLatestException.class)
                .hasMessage("no shipped cluster profile 'staging' (shipped: development, qa, integration, preprod,"
                        + " production); give a file to use your own");
    }

    @Test
    void anUnknownKeyNamesItsLine() throws IOException {
        String yaml = development("  ebs_root_volume_size_gb: 100", "  ebs_root_volume_size: 100");
        int line = lineOf(yaml, "ebs_root_volume_size: 100");
        assertThat(message(yaml)).startsWith("p.yaml:" + line + ": unknown key 'ebs_root_volume_size' in 'cluster'"
                + " (expected one of applications, custom_ami_id, ebs_root_volume_size_gb,");
    }

    @Test
    void aWrongTypeNamesItsLine() throws IOException {
        String yaml = development("    count: 10", "    count: ten");
        assertThat(message(yaml)).isEqualTo("p.yaml:" + lineOf(yaml, "count: ten")
                + ": 'count' must be a whole number from 1 to 1000, not 'ten'");
        String bool = development("  keep_alive_when_no_steps: true", "  keep_alive_when_no_steps: yes please");
        assertThat(message(bool)).isEqualTo("p.yaml:" + lineOf(bool, "yes please")
                + ": 'keep_alive_when_no_steps' must be true or false, not 'yes please'");
        String list = development("  applications: [Spark]", "  applications: Spark");
        assertThat(message(list)).isEqualTo("p.yaml:" + lineOf(list, "applications: Spark")
                + ": 'applications' must be a list");
    }

    @Test
    void anUnknownInstanceTypeNamesTheClosestKnownOnes() throws IOException {
        String yaml = development("    instance_type: m5.4xlarge\n    count", "    instance_type: m5.4xlarg\n    count");
        assertThat(message(yaml)).startsWith("p.yaml:" + lineOf(yaml, "m5.4xlarg")
                + ": unknown instance type 'm5.4xlarg'; closest known: m5.4xlarge");
    }

    @Test
    void aHiveClassificationIsRefusedOnASparkOnlyCluster() throws IOException {
        String yaml = development("  - classification: spark\n", "  - classification: hive-site\n");
        assertThat(message(yaml)).isEqualTo("p.yaml:" + lineOf(yaml, "classification: hive-site")
                + ": hive-site configures Hive, which this profile does not install (applications: Spark); EMR"
                + " rejects a classification its release does not know");
        String tez = development("  - classification: spark\n", "  - classification: tez-site\n");
        assertThat(message(tez)).contains("tez-site configures Tez");
        String unknown = development("  - classification: spark\n", "  - classification: sprak\n");
        assertThat(message(unknown)).contains("unknown classification 'sprak' (known: capacity-scheduler,");
    }

    @Test
    void hiveClassificationsAreTakenWhenTheProfileInstallsHive() throws IOException {
        String yaml = development("  applications: [Spark]", "  applications: [Spark, Hive]")
                .replace("  - classification: spark\n", "  - classification: hive-site\n");
        ClusterProfile p = new ClusterProfileYaml("p.yaml", ClusterFixtures.CATALOG).parse(yaml);
        assertThat(p.configurations()).extracting(ProfileConfiguration::classification).contains("hive-site");
    }

    @Test
    void otherMistakesAreOneLineEach() throws IOException {
        assertThat(message(development("  applications: [Spark]", "  applications: [Hive]")))
                .contains("applications must include Spark");
        assertThat(message(development("    Persistence: Ignore", "    Correlation_Id: x")))
                .contains("tag 'Correlation_Id' is written by launch from the run");
        assertThat(message(development("  action_on_failure: CONTINUE", "  action_on_failure: STOP")))
                .contains("'action_on_failure' must be TERMINATE_CLUSTER, CANCEL_AND_WAIT or CONTINUE, not 'STOP'");
        assertThat(message(development("  log_uri: s3://", "  log_uri: /var/log/")))
                .contains("'log_uri' must be an s3:// location");
        assertThat(message(development("  max_retries: 0", "  max_retries: -1")))
                .contains("'max_retries' must be a whole number from 0 to 10, not '-1'");
        assertThat(message(development("    - name: site-setup", "    - name: install-mongo-latest")))
                .contains("bootstrap action name 'install-mongo-latest' is used twice");
        assertThat(message(development("  - classification: spark\n", "  - classification: yarn-site\n")))
                .contains("classification 'yarn-site' is given twice");
        assertThat(message(development("  subnet_ids: [subnet-PLACEHOLDER-A, subnet-PLACEHOLDER-B,"
                + " subnet-PLACEHOLDER-C]", "  subnet_ids: []"))).contains("subnet_ids must list at least one");
        assertThat(message(development("    flush-pushgateway: CONTINUE", "    flush-pushgateway: CONTINUE\n"
                + "    flush-pushgateway: CONTINUE"))).contains("duplicate");
        assertThat(message("profile: x\n  bad: [")).startsWith("p.yaml:").contains("invalid YAML");
        assertThat(message("")).isEqualTo("p.yaml: is empty");
        assertThat(message("profile: x\n")).startsWith("p.yaml:1: the document: missing 'bootstrap'");
    }

    @Test
    void placeholdersAreObviousInEveryShippedProfile() throws IOException {
        for (String name : ClusterProfiles.SHIPPED) {
            String text = shippedText(name);
            assertThat(text).contains("arn:aws:iam::ACCOUNT_ID:role/mongo_latest_emr_service",
                    "subnet-PLACEHOLDER-A", "sg-PLACEHOLDER-mongo-latest-master");
            assertThat(List.of(text.split("\n")).stream().filter(l -> l.contains("ConcMarkSweep"))).isEmpty();
        }
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }
}
