package io.mongolatest.product;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;

/** The default pipeline end to end ({@link MongoLatestPipelineTest}), on Spark. */
@ExtendWith(SharedSpark.class)
class SparkMongoLatestPipelineTest extends MongoLatestPipelineTest {
    private final SparkSession spark;

    SparkMongoLatestPipelineTest(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    protected EngineUnderTest engine() {
        return () -> SparkEngine.on(spark);
    }
}
