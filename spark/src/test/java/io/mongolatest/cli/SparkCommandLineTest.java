package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkSettings;

/**
 * {@code --engine spark} through the command line: its options, and the pipeline as one {@code step} command per
 * step, as EMR runs it, each opening a new Spark session whose catalog is made from the warehouse alone.
 */
@ExtendWith(SharedSpark.class)
class SparkCommandLineTest {
    private static final String EXPORT_DATE = "2026-11-20";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** Spark is up before the commands run: they open sessions on it, as a step process opens its own. */
    SparkCommandLineTest(SparkSession spark) {
        assertThat(spark.sparkContext().isStopped()).isFalse();
    }

    @BeforeAll
    static void generateAndRunOnDuckDb() {
        CliRun gen = CliRun.of("generate", "--out", shared.resolve("input").toString(), "--docs", "3000", "--seed",
                "7", "--export-date", EXPORT_DATE, "--bad-fraction", "0.0005", "--state-dir",
                shared.resolve("gen-state").toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        CliRun ref = CliRun.of(args("run", shared.resolve("duckdb"), "--engine", "duckdb"));
        assertThat(ref.exitCode()).as(ref.err()).isZero();
    }

    static String[] args(String command, Path base, String... extra) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(extra));
        a.addAll(List.of("--correlation-id", "cli-1", "--export-date", EXPORT_DATE, "--input",
                shared.resolve("input").toString(), "--warehouse", base.resolve("warehouse").toString(), "--state-dir",
                base.resolve("state").toString(), "--memory", "512MB", "--threads", "1"));
        return a.toArray(String[]::new);
    }

    @Test
    void badSparkSettingsAreOneLineBeforeAnythingIsWritten() {
        Map<List<String>, String> bad = Map.of(
                List.of("--spark-conf", "spark.sql.ansi.enabled=false"), "spark.sql.ansi.enabled cannot be changed",
                List.of("--spark-master", "mesos://host:5050"), "invalid --spark-master 'mesos://host:5050'",
                List.of("--spark-conf", "executor.memory=2g"), "invalid --spark-conf 'executor.memory=2g'");
        bad.forEach((options, message) -> {
            List<String> a = new ArrayList<>(List.of("--engine", "spark"));
            a.addAll(options);
            CliRun r = CliRun.of(args("run", dir, a.toArray(String[]::new)));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).contains(message).doesNotContain("\n").doesNotContain("Exception");
        });
        assertThat(dir.resolve("state/ledger.db")).doesNotExist();
        assertThat(dir.resolve("warehouse")).doesNotExist();
    }

    @Test
    void theHelpNamesTheSparkOptionsAndTheirDefault() {
        CliRun help = CliRun.of("run", "--help");
        assertThat(help.out()).contains("--spark-master=URL").contains("--spark-conf=KEY=VALUE")
                .contains("Default: " + SparkSettings.DEFAULT_MASTER);
    }

    @Test
    void stepProcessesOnSparkGiveTheTablesAndReportOfOneDuckDbRun() throws Exception {
        for (String step : List.of("courtesy-flush", "create-mongo-latest-dbs", "mongo-latest-build",
                "mongo-latest-views", "mongo-latest-publish", "flush-pushgateway")) {
            CliRun r = CliRun.of(args("step", dir, "--engine", "spark", "--spark-master", "local[2]", step));
            assertThat(r.exitCode()).as(step + ": " + r.err()).isZero();
        }
        assertThat(WarehouseTables.differences(shared.resolve("duckdb/warehouse"), dir.resolve("warehouse"))).isEmpty();
        assertThat(WarehouseTables.read(dir.resolve("warehouse"), false))
                .containsKeys("ucs_latest_unredacted.statement_fact_v", "ucs_latest_redacted.claimant_v");
        assertThat(Files.readString(dir.resolve("warehouse/catalog.spark.json"))).contains("statement_fact_v");
        JsonNode spark = report(dir);
        JsonNode duckDb = report(shared.resolve("duckdb"));
        assertThat(spark.get("Status").asText()).isEqualTo("COMPLETED");
        // Both read every snapshot, for the same reason.
        assertThat(modeReason(spark)).isEqualTo(modeReason(duckDb)).isEqualTo("no state kept by an earlier build");
        assertThat(details(spark)).isEqualTo(details(duckDb)).containsKey("mongo-latest-build");
    }

    private static String modeReason(JsonNode report) {
        for (JsonNode s : report.get("Steps")) {
            if (s.get("Name").asText().equals("mongo-latest-build")) {
                return s.get("Detail").get("mode_reason").asText();
            }
        }
        throw new AssertionError("no build step in " + report);
    }

    private static JsonNode report(Path base) throws Exception {
        CliRun r = CliRun.of("report", "--correlation-id", "cli-1", "--state-dir", base.resolve("state").toString(),
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    /** Each step's status, rows and detail (the build's accounting, what publish wrote), by step. */
    private static Map<String, String> details(JsonNode report) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode s : report.get("Steps")) {
            JsonNode detail = s.get("Detail");
            if (detail instanceof ObjectNode o) {
                o.remove("mode_reason");
            }
            out.put(s.get("Name").asText(), s.get("Status").asText() + " " + s.get("Rows") + " " + detail);
        }
        return out;
    }
}
