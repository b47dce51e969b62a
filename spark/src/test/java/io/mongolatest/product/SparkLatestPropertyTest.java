package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/** The property test against the reference implementation ({@link LatestPropertyTest}), on Spark. */
@ExtendWith(SharedSpark.class)
class SparkLatestPropertyTest extends LatestPropertyTest {
    private final SparkSession spark;

    SparkLatestPropertyTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
