package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/** Publication and redaction ({@link PublishTest}), on Spark. */
@ExtendWith(SharedSpark.class)
class SparkPublishTest extends PublishTest {
    private final SparkSession spark;

    SparkPublishTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
