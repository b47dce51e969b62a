package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.DataSize;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.engine.SqlEngineContract;
import io.mongolatest.tables.TableStore;

/** The engine contract on Spark, local with two task threads. */
@ExtendWith(SharedSpark.class)
class SparkEngineContractTest extends SqlEngineContract {
    private final SparkSession spark;

    SparkEngineContractTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineSession openSession(Path dir, TableStore tables) {
        return SparkEngine.on(spark).open(new EngineSettings(dir.resolve("warehouse"), DataSize.ofMebibytes(512),
                dir.resolve("tmp"), 2, false), tables);
    }

    /**
     * Spark writes a table's files into a folder of their own per write below its data folder: the last one there,
     * with nothing but such folders beside it.
     */
    @Override
    protected Path dataFolder(String name) {
        try (Stream<Path> writes = Files.list(super.dataFolder(name))) {
            List<Path> folders = writes.sorted(Comparator.comparing(SparkEngineContractTest::modified)).toList();
            assertThat(folders).isNotEmpty().allMatch(Files::isDirectory);
            return folders.get(folders.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SqlEngine engine() {
        return new SparkEngine();
    }

    @Override
    protected String instant(Instant t) {
        return "TIMESTAMP '" + t + "'";
    }

    @Override
    protected String slowQuery() {
        return "SELECT count(*) FROM range(10000000000000) WHERE id % 7 = 3";
    }

    /** The tests run one at a time, so any active job is the caller's. */
    @Override
    protected boolean statementRunning(EngineSession session, Thread caller) {
        return spark.sparkContext().statusTracker().getActiveJobIds().length > 0;
    }

    /** The catalog is the shared Spark's: each test starts with only the default database. */
    @AfterEach
    void dropDatabases() {
        for (Database d : spark.catalog().listDatabases().collectAsList()) {
            if (!d.name().equals("default")) {
                spark.sql("DROP DATABASE " + d.name() + " CASCADE");
            }
        }
    }
}
