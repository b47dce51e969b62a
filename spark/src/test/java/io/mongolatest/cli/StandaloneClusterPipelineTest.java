package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.StandaloneSparkCluster;

/**
 * The whole default pipeline with {@code --engine spark} through a standalone master and worker on 127.0.0.1:
 * the build's tasks run in the worker's executor, and the result is what DuckDB gives.
 */
@ExtendWith({StandaloneSparkCluster.class, SharedSpark.class})
class StandaloneClusterPipelineTest {
    private final String master;

    @TempDir
    Path dir;

    StandaloneClusterPipelineTest(SparkSession spark) {
        this.master = spark.sparkContext().master();
    }

    private String[] run(String name, String... engine) {
        List<String> a = new java.util.ArrayList<>(List.of("run", "--correlation-id", "cluster-1", "--export-date",
                "2026-11-20", "--input", dir.resolve("input").toString(), "--warehouse",
                dir.resolve(name + "/warehouse").toString(), "--state-dir", dir.resolve(name + "/state").toString(),
                "--memory", "512MB"));
        a.addAll(List.of(engine));
        return a.toArray(String[]::new);
    }

    @Test
    void theDefaultPipelineOnTheClusterGivesWhatDuckDbGives() {
        assertThat(master).startsWith("spark://127.0.0.1:");
        CliRun gen = CliRun.of("generate", "--out", dir.resolve("input").toString(), "--docs", "3000", "--seed", "13",
                "--export-date", "2026-11-20", "--bad-fraction", "0.0005", "--state-dir", dir.resolve("gen").toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        CliRun duckDb = CliRun.of(run("duckdb", "--threads", "1"));
        assertThat(duckDb.exitCode()).as(duckDb.err()).isZero();

        CliRun spark = CliRun.of(run("spark", "--engine", "spark", "--spark-master", master));
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.out()).contains("mongo-latest-build SUCCEEDED").contains("quarantined");
        assertThat(WarehouseTables.differences(dir.resolve("duckdb/warehouse"), dir.resolve("spark/warehouse")))
                .isEmpty();
        assertThat(WarehouseTables.read(dir.resolve("spark/warehouse"), false)).hasSizeGreaterThan(20);
    }
}
