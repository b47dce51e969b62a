package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

/** --spark-master and --spark-conf, and the settings a session gets from them. */
class SparkSettingsTest {
    private static final Path DIR = Path.of("/tmp/run");

    @Test
    void confsAreKeyValuePairsOfSparkSettingsInTheOrderGiven() {
        SparkSettings s = SparkSettings.of("local[3]", List.of("spark.executor.memory=2g", "spark.ui.enabled = true",
                "spark.sql.files.maxPartitionBytes=64m"));
        assertThat(s.confs()).containsExactly(Map.entry("spark.executor.memory", "2g"),
                Map.entry("spark.ui.enabled", "true"), Map.entry("spark.sql.files.maxPartitionBytes", "64m"));
        assertThat(s.localThreads()).isEqualTo(3);
        assertThat(SparkSessions.conf(s, DIR)).containsEntry("spark.ui.enabled", "true")
                .containsEntry("spark.executor.memory", "2g");
    }

    @Test
    void badMastersAndConfsAreUserErrors() {
        for (String master : List.of("local[0]", "local[x]", "mesos://h:5050", "spark:/h", "", "yarn-client")) {
            assertThatThrownBy(() -> SparkSettings.of(master, List.of())).as(master)
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                    .hasMessageContaining("--spark-master");
        }
        for (String conf : List.of("spark.executor.memory", "executor.memory=2g", "=x", "spark.=1")) {
            assertThatThrownBy(() -> SparkSettings.of("yarn", List.of(conf))).as(conf)
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                    .hasMessageContaining("--spark-conf '" + conf + "'");
        }
    }

    @Test
    void enginePropertiesGiveTheMasterAndTheSettings() {
        SparkSettings s = SparkSettings.fromProperties(Map.of("spark.master", "spark://h:7077",
                "spark.executor.memory", "2g"), 0);
        assertThat(s.master()).isEqualTo("spark://h:7077");
        assertThat(s.confs()).containsExactly(Map.entry("spark.executor.memory", "2g"));
        assertThat(SparkSettings.fromProperties(Map.of(), 0).master()).isEqualTo(SparkSettings.DEFAULT_MASTER);
        assertThat(SparkSettings.fromProperties(Map.of(), 3).master()).as("--threads 3").isEqualTo("local[3]");
        assertThat(SparkSettings.fromProperties(Map.of("spark.master", "yarn"), 3).master()).isEqualTo("yarn");
        assertThatThrownBy(() -> new SparkEngine().checkProperties(Map.of("spark.sql.ansi.enabled", "false")))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER));
        assertThatThrownBy(() -> new SparkEngine().checkProperties(Map.of("spark.master", "local[0]")))
                .hasMessageContaining("invalid --spark-master 'local[0]'");
    }

    @Test
    void whatTheResultsDependOnCannotBeChanged() {
        assertThatThrownBy(() -> SparkSettings.of("local[2]", List.of("spark.sql.ansi.enabled=false")))
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("spark.sql.ansi.enabled")
                .hasMessageContaining("spark.sql.ansi.enabled=true");
        assertThatThrownBy(() -> SparkSettings.of("local[2]", List.of("spark.sql.session.timeZone=Europe/London")))
                .isInstanceOf(MongoLatestException.class);
    }

    @Test
    void aLocalSessionStaysOnLoopbackWithATaskPerCoreAndNoUi() {
        Map<String, String> conf = SparkSessions.conf(SparkSettings.of("local[2]", List.of()), DIR);
        assertThat(conf).containsAllEntriesOf(SparkSessions.FIXED)
                .containsEntry("spark.sql.ansi.enabled", "true")
                .containsEntry("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .containsEntry("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                .containsEntry("spark.ui.enabled", "false")
                .containsEntry("spark.driver.bindAddress", "127.0.0.1")
                .containsEntry("spark.sql.shuffle.partitions", "2")
                .containsEntry("spark.local.dir", "/tmp/run/spark-local")
                .containsEntry("spark.sql.warehouse.dir", "file:///tmp/run/spark-warehouse");
    }

    @Test
    void onYarnTheClusterDecidesHostsPartitionsAndScratchFolders() {
        Map<String, String> conf = SparkSessions.conf(SparkSettings.of("yarn", List.of()), DIR);
        assertThat(conf).containsAllEntriesOf(SparkSessions.FIXED)
                .doesNotContainKeys("spark.driver.host", "spark.driver.bindAddress", "spark.sql.shuffle.partitions",
                        "spark.local.dir");
        assertThat(SparkSettings.of("yarn", List.of()).localThreads()).isZero();
        assertThat(SparkSessions.conf(SparkSettings.of("spark://127.0.0.1:7077", List.of()), DIR))
                .containsEntry("spark.driver.host", "127.0.0.1").doesNotContainKey("spark.sql.shuffle.partitions");
    }
}
