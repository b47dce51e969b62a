package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TuneCommandTest {
    @TempDir
    static Path stateDir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run tune(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("tune", "--state-dir", stateDir.toString()), Stream.of(args))
                .toArray(String[]::new);
        int code = Cli.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsPropertiesByDefault() {
        Run run = tune("--instance-type", "m5.4xlarge", "--core-count", "10");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines())
                .contains("yarn-site.yarn.nodemanager.resource.memory-mb=57344",
                        "hive-site.hive.tez.container.size=7168",
                        "hive-site.hive.auto.convert.join.noconditionaltask.size=2505397589",
                        "spark-defaults.spark.executor.instances=30")
                .noneMatch(l -> l.startsWith("# ") && l.endsWith("]"));
    }

    @Test
    void explainPrecedesEachSettingWithItsRule() {
        Run run = tune("--instance-type", "m5.4xlarge", "--core-count", "10", "--explain");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        int container = lines.indexOf("hive-site.hive.tez.container.size=7168");
        assertThat(container).isPositive();
        assertThat(lines.get(container - 1)).startsWith("# smallest multiple of the minimum allocation (3584)")
                .endsWith("[tez-memory]");
        assertThat(lines).contains("# sources:");
    }

    @Test
    void jsonIsAnEmrConfigurationsList() throws Exception {
        Run run = tune("--instance-type", "m5.4xlarge", "--core-count", "40", "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.isArray()).isTrue();
        List<String> classifications = new ArrayList<>();
        for (JsonNode configuration : root) {
            assertThat(configuration.size()).isEqualTo(2);
            classifications.add(configuration.get("Classification").textValue());
            JsonNode properties = configuration.get("Properties");
            assertThat(properties.isObject()).isTrue();
            assertThat(properties.size()).isPositive();
            properties.properties().forEach(p -> assertThat(p.getValue().isTextual()).as(p.getKey()).isTrue());
        }
        assertThat(classifications).containsExactly("yarn-site", "tez-site", "hive-site", "spark-defaults");
        assertThat(root.get(2).get("Properties").get("hive.server2.tez.sessions.per.default.queue").textValue())
                .isEqualTo("32");
    }

    @Test
    void unknownInstanceTypeIsOneLineNamingCloseTypes() {
        Run run = tune("--instance-type", "m5.4xlarg", "--core-count", "10");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error: unknown instance type 'm5.4xlarg'; closest known: m5.4xlarge, ")
                .contains("m5.2xlarge");
    }

    @Test
    void unknownMasterTypeIsRefusedLikewise() {
        Run run = tune("--instance-type", "m5.4xlarge", "--core-count", "10", "--master-type", "m9.huge");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("error: unknown master instance type");
    }

    @Test
    void masterTypeCapsTheSparkDriver() {
        Run run = tune("--instance-type", "m5.4xlarge", "--core-count", "10", "--master-type", "m5.xlarge");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("spark-defaults.spark.driver.memory=4096m");
    }

    @Test
    void coreCountOutOfRangeIsOneLine() {
        for (String count : List.of("0", "1001", "-3")) {
            Run run = tune("--instance-type", "m5.4xlarge", "--core-count", count);
            assertThat(run.exitCode()).as(count).isEqualTo(2);
            assertThat(run.err().lines()).as(count).singleElement().asString().contains("1 to 1000");
        }
        assertThat(tune("--instance-type", "m5.4xlarge", "--core-count", "1000").exitCode()).isZero();
    }

    @Test
    void missingOptionsAndExplainWithJsonAreUsageErrors() {
        Run missing = tune("--instance-type", "m5.4xlarge");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines()).singleElement().asString().contains("--core-count");
        Run explainJson = tune("--instance-type", "m5.4xlarge", "--core-count", "10", "--format", "json",
                "--explain");
        assertThat(explainJson.exitCode()).isEqualTo(2);
        assertThat(explainJson.err().lines()).singleElement().asString().contains("--explain");
    }

    @Test
    void listsTheKnownTypes() {
        Run run = tune("--list-types");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("m5.4xlarge (16 vCPUs, 64 GiB)", "r7g.16xlarge (64 vCPUs, 512 GiB)");
    }

    @Test
    void helpDocumentsTheFormats() {
        Run run = tune("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("classification.key=value", "--configurations", "--master-type");
    }
}
