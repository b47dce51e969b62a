package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/** The record rules' fixtures with every build a delta ({@link LatestDeltaRulesTest}), on Spark. */
@ExtendWith(SharedSpark.class)
class SparkLatestDeltaRulesTest extends LatestDeltaRulesTest {
    private final SparkSession spark;

    SparkLatestDeltaRulesTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
