package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/**
 * When a build is a delta and when it reads everything ({@link DeltaBuildTest}), on Spark; every other day of
 * the cross-engine case runs on DuckDB, so that each engine merges a state the other kept.
 */
@ExtendWith(SharedSpark.class)
class SparkDeltaBuildTest extends DeltaBuildTest {
    private final SparkSession spark;

    SparkDeltaBuildTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
