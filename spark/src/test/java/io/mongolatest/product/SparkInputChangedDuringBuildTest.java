package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/** An input file rewritten during the build ({@link InputChangedDuringBuildTest}), on Spark. */
@ExtendWith(SharedSpark.class)
class SparkInputChangedDuringBuildTest extends InputChangedDuringBuildTest {
    private final SparkSession spark;

    SparkInputChangedDuringBuildTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
