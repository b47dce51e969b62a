package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/** Bad lines: quarantine, accounting and the threshold ({@link BadLinesTest}), on Spark. */
@ExtendWith(SharedSpark.class)
class SparkBadLinesTest extends BadLinesTest {
    private final SparkSession spark;

    SparkBadLinesTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
