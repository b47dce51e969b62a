package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkJvm;
import io.mongolatest.latest.LatestBuildJob;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableStore;

/**
 * A Spark run killed with SIGKILL while its tasks write the latest tables' data files: nothing of it is committed,
 * and the same command run again resumes at the build and ends with what a clean run gives (DuckDB's, which a
 * Spark run equals), each table at its first snapshot.
 */
@ExtendWith(SharedSpark.class)
class SparkCrashRecoveryTest {
    private static final RunKey KEY = new RunKey("crash-spark", "MONGO_LATEST");

    @TempDir
    Path dir;

    /** The resumed run opens its sessions on this Spark. */
    SparkCrashRecoveryTest(SparkSession spark) {
        assertThat(spark.sparkContext().isStopped()).isFalse();
    }

    private String[] args(Path base, String... engine) {
        List<String> a = new ArrayList<>(List.of("run", "--correlation-id", KEY.correlationId(), "--export-date",
                "2026-11-20", "--input", dir.resolve("input").toString(), "--warehouse",
                base.resolve("warehouse").toString(), "--state-dir", base.resolve("state").toString(), "--memory",
                "512MB", "--threads", "1"));
        a.addAll(List.of(engine));
        return a.toArray(String[]::new);
    }

    @Test
    void aRunKilledWhileItsTasksWriteResumesAtTheBuildAndEndsAsACleanRun() throws Exception {
        CliRun gen = CliRun.of("generate", "--out", dir.resolve("input").toString(), "--docs", "3000", "--seed",
                "11", "--export-date", "2026-11-20", "--state-dir", dir.resolve("gen-state").toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        CliRun clean = CliRun.of(args(dir.resolve("clean")));
        assertThat(clean.exitCode()).as(clean.err()).isZero();

        Path spark = dir.resolve("spark");
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        jvm.addAll(SparkJvm.moduleOptions());
        ChildRun doomed = ChildRun.start(dir, "doomed", jvm, args(spark, "--engine", "spark", "--spark-master",
                "local[2]"));
        Path latestFiles = spark.resolve("warehouse/uc_mongo_latest");
        new ChildLedger(spark.resolve("state/ledger.db"), KEY).killWhileRunning(doomed, "mongo-latest-build",
                () -> anyFileUnder(latestFiles));
        try (TableStore tables = LocalTables.open(spark.resolve("warehouse"))) {
            assertThat(tables.tables("uc_mongo_latest")).as("nothing of the build is committed").isEmpty();
        }

        CliRun again = CliRun.of(args(spark, "--engine", "spark", "--spark-master", "local[2]"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("retry from mongo-latest-build");
        assertThat(WarehouseTables.differences(dir.resolve("clean/warehouse"), spark.resolve("warehouse"))).isEmpty();
        LedgerRow row = new ChildLedger(spark.resolve("state/ledger.db"), KEY).read().orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row.runId()).isEqualTo(2);
        try (TableStore tables = LocalTables.open(spark.resolve("warehouse"))) {
            // The audit table records each run's steps, the killed one's too: every other table is the build's.
            List<TableName> all = tables.databases().stream().filter(db -> !db.equals("audit"))
                    .flatMap(db -> tables.tables(db).stream().map(t -> new TableName(db, t))).toList();
            assertThat(all).isNotEmpty().as("one snapshot per table: the killed run committed none")
                    .allSatisfy(t -> assertThat(tables.history(t)).as(t.toString()).hasSize(1));
        }
        assertThat(spark.resolve("warehouse/" + LatestBuildJob.SCRATCH)).doesNotExist();
    }

    /** Whether the build has begun to write: a task's part of a table or of the quarantine. */
    private static boolean anyFileUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException | UncheckedIOException e) {
            return false; // a folder went while walking: the next poll looks again
        }
    }
}
