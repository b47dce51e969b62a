package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mongolatest.sizing.ClusterShape;
import io.mongolatest.sizing.ClusterSizing;
import io.mongolatest.sizing.EmrConfiguration;
import io.mongolatest.sizing.SizingRules;

class ClusterConfigurationsTest {
    private static final ClusterProfile DEVELOPMENT = ClusterFixtures.profile("development");

    private static ClusterSizing sizing(String core, int count, String master) {
        return SizingRules.size(new ClusterShape(ClusterFixtures.CATALOG.require(core, "t"), count,
                ClusterFixtures.CATALOG.require(master, "t")));
    }

    private static ClusterProfile withConfigurations(ClusterProfile p, List<String> applications,
            List<ProfileConfiguration> configurations) {
        ClusterSettings c = p.cluster();
        ClusterSettings cluster = new ClusterSettings(c.name(), c.releaseLabel(), applications, c.logUri(),
                c.securityConfiguration(), c.serviceRole(), c.instanceProfile(), c.customAmiId(),
                c.ebsRootVolumeSizeGb(), c.scaleDownBehavior(), c.visibleToAllUsers(), c.tags());
        return new ClusterProfile(p.name(), cluster, p.instances(), p.steps(), p.bootstrap(), p.relaunch(),
                configurations);
    }

    @Test
    void computedValuesAreSentForTheProfilesCoreTypeAndCount() {
        ClusterConfigurations production = ClusterConfigurations.of(ClusterFixtures.profile("production"),
                ClusterFixtures.CATALOG);
        ClusterSizing expected = sizing("m5.4xlarge", 40, "m5.16xlarge");
        assertThat(production.sizing()).isEqualTo(expected);
        Map<String, String> sparkDefaults = classification(production, "spark-defaults").values();
        assertThat(sparkDefaults).containsAllEntriesOf(EmrConfiguration.of(expected).stream()
                .filter(c -> c.classification().equals("spark-defaults")).findFirst().orElseThrow().properties());
        assertThat(sparkDefaults).containsEntry("spark.executor.instances", "120");
        ClusterConfigurations development = ClusterConfigurations.of(DEVELOPMENT, ClusterFixtures.CATALOG);
        assertThat(classification(development, "spark-defaults").values())
                .containsEntry("spark.executor.instances", "30");
    }

    @Test
    void hiveAndTezClassificationsAreNotSentToASparkOnlyCluster() {
        ClusterConfigurations c = ClusterConfigurations.of(DEVELOPMENT, ClusterFixtures.CATALOG);
        assertThat(c.classifications()).extracting(ConfiguredClassification::classification)
                .containsExactly("yarn-site", "spark-defaults", "iceberg-defaults", "spark", "emrfs-site");
        assertThat(c.notSent()).containsExactly(Map.entry("tez-site", "Tez"), Map.entry("hive-site", "Hive"));
        assertThat(c.explain()).contains("# not sent: tez-site (the cluster has no Tez)\n");
    }

    @Test
    void theProfileWinsPerPropertyAndEveryValueSaysWhereItCameFrom() {
        ClusterSizing sizing = sizing("m5.4xlarge", 10, "m5.4xlarge");
        ClusterProfile p = withConfigurations(DEVELOPMENT, List.of("Spark"), List.of(
                new ProfileConfiguration("yarn-site", Map.of("yarn.scheduler.minimum-allocation-mb", "2048"),
                        List.of()),
                new ProfileConfiguration("spark-defaults", Map.of("spark.sql.ansi.enabled", "false"), List.of()),
                new ProfileConfiguration("spark-env", Map.of(), List.of(new ProfileConfiguration("export",
                        Map.of("SPARK_DAEMON_MEMORY", "2g"), List.of())))));
        ClusterConfigurations c = ClusterConfigurations.merge(p, sizing);

        ConfiguredClassification yarn = classification(c, "yarn-site");
        assertThat(yarn.values().keySet()).containsExactly("yarn.nodemanager.resource.memory-mb",
                "yarn.nodemanager.resource.cpu-vcores", "yarn.scheduler.minimum-allocation-mb",
                "yarn.scheduler.maximum-allocation-mb", "yarn.scheduler.maximum-allocation-vcores");
        ConfiguredClassification.Property min = property(yarn, "yarn.scheduler.minimum-allocation-mb");
        assertThat(min.value()).isEqualTo("2048");
        assertThat(min.origin().fromProfile()).isTrue();
        assertThat(min.origin().computed()).map(s -> s.value()).contains("3584");
        assertThat(min.origin().explain()).startsWith("from profile (instead of the computed 3584: one vcore's share");

        ConfiguredClassification.Property memory = property(yarn, "yarn.nodemanager.resource.memory-mb");
        assertThat(memory.value()).isEqualTo("57344");
        assertThat(memory.origin().explain()).startsWith("computed: node memory 64 GiB minus a reserve")
                .endsWith("[hdp-memory]");

        ConfiguredClassification spark = classification(c, "spark-defaults");
        assertThat(spark.values().keySet()).endsWith("spark.sql.ansi.enabled");
        assertThat(property(spark, "spark.sql.ansi.enabled").origin()).isEqualTo(PropertyOrigin.profile());

        ConfiguredClassification env = classification(c, "spark-env");
        assertThat(env.properties()).isEmpty();
        assertThat(env.toSdk().configurations()).hasSize(1);
        assertThat(env.toSdk().configurations().get(0).properties()).containsEntry("SPARK_DAEMON_MEMORY", "2g");

        assertThat(c.explain()).contains(
                "# from profile (instead of the computed 3584: ",
                "\nyarn-site.yarn.scheduler.minimum-allocation-mb=2048\n",
                "\nspark-defaults.spark.sql.ansi.enabled=false\n",
                "# computed: ", "\nspark-env.export.SPARK_DAEMON_MEMORY=2g\n");
    }

    @Test
    void aClusterThatInstallsHiveGetsTheComputedHiveSettings() {
        ClusterProfile p = withConfigurations(DEVELOPMENT, List.of("Spark", "Hive", "Tez"), List.of());
        ClusterConfigurations c = ClusterConfigurations.merge(p, sizing("m5.4xlarge", 10, "m5.4xlarge"));
        assertThat(c.classifications()).extracting(ConfiguredClassification::classification)
                .containsExactly("yarn-site", "tez-site", "hive-site", "spark-defaults", "iceberg-defaults");
        assertThat(c.notSent()).isEmpty();
    }

    @Test
    void everySparkClusterEnablesEmrsIcebergUnlessItsProfileSaysOtherwise() {
        ClusterConfigurations c = ClusterConfigurations.of(DEVELOPMENT, ClusterFixtures.CATALOG);
        assertThat(classification(c, "iceberg-defaults").values()).containsExactly(Map.entry("iceberg.enabled", "true"));
        assertThat(c.explain()).contains("# required: the tables are Iceberg tables, and EMR puts its own Iceberg on"
                + " Spark's class path only when the cluster enables it\niceberg-defaults.iceberg.enabled=true\n");

        ClusterProfile own = withConfigurations(DEVELOPMENT, List.of("Spark"), List.of(new ProfileConfiguration(
                "iceberg-defaults", Map.of("iceberg.enabled", "true", "iceberg.some-setting", "x"), List.of())));
        ClusterConfigurations mine = ClusterConfigurations.merge(own, sizing("m5.4xlarge", 10, "m5.4xlarge"));
        assertThat(mine.classifications()).extracting(ConfiguredClassification::classification)
                .containsOnlyOnce("iceberg-defaults");
        assertThat(classification(mine, "iceberg-defaults").values()).containsOnly(
                Map.entry("iceberg.enabled", "true"), Map.entry("iceberg.some-setting", "x"));
        assertThat(mine.explain()).contains("# from profile\niceberg-defaults.iceberg.enabled=true\n");
    }

    @Test
    void theSdkConfigurationKeepsTheOrderOfProperties() {
        ConfiguredClassification yarn = classification(ClusterConfigurations.of(DEVELOPMENT, ClusterFixtures.CATALOG),
                "yarn-site");
        assertThat(yarn.toSdk().properties().keySet()).containsExactlyElementsOf(yarn.values().keySet());
        assertThat(yarn.values()).containsEntry("yarn.log-aggregation.retain-seconds", "-1");
    }

    private static ConfiguredClassification classification(ClusterConfigurations c, String name) {
        Optional<ConfiguredClassification> found = c.classifications().stream()
                .filter(x -> x.classification().equals(name)).findFirst();
        assertThat(found).as("classification %s", name).isPresent();
        return found.get();
    }

    private static ConfiguredClassification.Property property(ConfiguredClassification c, String key) {
        return c.properties().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }
}
