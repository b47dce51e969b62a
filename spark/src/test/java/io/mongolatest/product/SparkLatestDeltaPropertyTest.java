package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/** The property test with every build a delta ({@link LatestDeltaPropertyTest}), on Spark. */
@ExtendWith(SharedSpark.class)
class SparkLatestDeltaPropertyTest extends LatestDeltaPropertyTest {
    private final SparkSession spark;

    SparkLatestDeltaPropertyTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
