package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.ParquetSchema;

/** Parquet written by one engine reads the same on the other: values and column types. */
@ExtendWith(SharedSpark.class)
class CrossEngineParquetTest {
    /** Every type of the latest tables and the default views, with NULLs; %s is where an instant goes. */
    private static final String ROWS = "SELECT 'c1' AS id, %1$s AS last_modified, %2$s AS created,"
            + " CAST('2024-02-29' AS DATE) AS day, CAST('12.50' AS DECIMAL(18, 2)) AS money, 7 AS small,"
            + " CAST(9000000000 AS BIGINT) AS big, true AS flag, 'd\u00e9j\u00e0 {\"a\":[1]}' AS val"
            + " UNION ALL SELECT 'c2', %2$s, CASE WHEN 1 = 0 THEN %1$s END, NULL, NULL, NULL, NULL, NULL, NULL";
    private static final String T1 = "2024-02-29T23:59:59.123456Z";
    private static final String T2 = "1969-12-31T23:59:59.000001Z";

    private final SparkSession spark;
    @TempDir
    Path dir;
    private EngineSession duckDb;
    private EngineSession sparkSql;

    CrossEngineParquetTest(SparkSession spark) {
        this.spark = spark;
    }

    @BeforeEach
    void open() {
        duckDb = new DuckDbEngine().open(new EngineSettings(dir.resolve("warehouse"), DataSize.ofMebibytes(256),
                dir.resolve("tmp"), 1, false));
        sparkSql = SparkEngine.attach(spark);
    }

    @AfterEach
    void close() {
        duckDb.close();
        sparkSql.close();
        spark.sql("DROP DATABASE IF EXISTS cross_db CASCADE");
    }

    @Test
    void bothEnginesWriteTheSameTypesAndReadEachOthersFiles() throws IOException {
        Path byDuckDb = Files.createDirectories(dir.resolve("by-duckdb"));
        Path bySpark = Files.createDirectories(dir.resolve("by-spark"));
        assertThat(duckDb.writeParquet(String.format(ROWS, "TIMESTAMPTZ '" + T1 + "'", "TIMESTAMPTZ '" + T2 + "'"),
                byDuckDb)).isEqualTo(2);
        assertThat(sparkSql.writeParquet(String.format(ROWS, "TIMESTAMP '" + T1 + "'", "TIMESTAMP '" + T2 + "'"),
                bySpark)).isEqualTo(2);
        assertThat(ParquetSchema.namesAndTypes(bySpark)).isEqualTo(ParquetSchema.namesAndTypes(byDuckDb))
                .contains("last_modified TIMESTAMP WITH TIME ZONE", "money DECIMAL(18,2)", "small INTEGER");

        List<List<Object>> expected = rows(duckDb, byDuckDb, "duckdb_files");
        assertThat(expected).hasSize(2);
        assertThat(expected.get(0)).contains(OffsetDateTime.parse(T1).toInstant(), OffsetDateTime.parse(T2).toInstant());
        assertThat(rows(duckDb, bySpark, "spark_files")).as("Spark's files on DuckDB").isEqualTo(expected);
        assertThat(rows(sparkSql, byDuckDb, "duckdb_files")).as("DuckDB's files on Spark").isEqualTo(expected);
        assertThat(rows(sparkSql, bySpark, "spark_files")).as("Spark's files on Spark").isEqualTo(expected);
    }

    private static List<List<Object>> rows(EngineSession engine, Path files, String table) {
        engine.registerParquetTable("cross_db", table, files);
        return engine.query("SELECT id, last_modified, created, day, money, small, big, flag, val FROM cross_db."
                + table + " ORDER BY id").rows().stream().map(r -> r.stream()
                        .map(v -> v instanceof OffsetDateTime t ? (Object) t.toInstant() : v).toList()).toList();
    }
}
