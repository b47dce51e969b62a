package io.mongolatest.engine.spark;

import java.nio.file.Path;
import java.time.Instant;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.engine.SqlEngineContract;

/** The engine contract on Spark, local with two task threads. */
@ExtendWith(SharedSpark.class)
class SparkEngineContractTest extends SqlEngineContract {
    private final SparkSession spark;

    SparkEngineContractTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineSession openSession(Path dir) {
        return SparkEngine.attach(spark);
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
