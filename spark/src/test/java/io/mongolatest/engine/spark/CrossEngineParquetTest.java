package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;

/** A table written by one engine reads the same on the other: values and Iceberg column types. */
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
    private TableStore tables;
    private EngineSession duckDb;
    private EngineSession sparkSql;

    CrossEngineParquetTest(SparkSession spark) {
        this.spark = spark;
    }

    @BeforeEach
    void open() {
        tables = LocalTables.open(dir.resolve("warehouse"));
        duckDb = new DuckDbEngine().open(settings("duckdb"), tables);
        sparkSql = SparkEngine.on(spark).open(settings("spark"), tables);
    }

    private EngineSettings settings(String engine) {
        return new EngineSettings(dir.resolve(engine), DataSize.ofMebibytes(256), dir.resolve("tmp"), 1, false);
    }

    @AfterEach
    void close() {
        duckDb.close();
        sparkSql.close();
        tables.close();
        spark.sql("DROP DATABASE IF EXISTS cross_db CASCADE");
    }

    @Test
    void bothEnginesWriteTheSameTypesAndReadEachOthersTables() {
        TableName byDuckDb = new TableName("cross_db", "by_duckdb");
        TableName bySpark = new TableName("cross_db", "by_spark");
        TableChange fromDuckDb = duckDb.writeTable(byDuckDb,
                String.format(ROWS, "TIMESTAMPTZ '" + T1 + "'", "TIMESTAMPTZ '" + T2 + "'"));
        TableChange fromSpark = sparkSql.writeTable(bySpark,
                String.format(ROWS, "TIMESTAMP '" + T1 + "'", "TIMESTAMP '" + T2 + "'"));
        assertThat(fromDuckDb.rows()).isEqualTo(2);
        assertThat(fromSpark.rows()).isEqualTo(2);
        long duckDbSnapshot = LocalTables.commit(tables, fromDuckDb);
        long sparkSnapshot = LocalTables.commit(tables, fromSpark);
        assertThat(columns(bySpark, sparkSnapshot)).isEqualTo(columns(byDuckDb, duckDbSnapshot))
                .contains("2: last_modified: optional timestamptz", "5: money: optional decimal(18, 2)",
                        "6: small: optional int");

        List<List<Object>> expected = rows(duckDb, byDuckDb, duckDbSnapshot);
        assertThat(expected).hasSize(2);
        assertThat(expected.get(0)).contains(OffsetDateTime.parse(T1).toInstant(), OffsetDateTime.parse(T2).toInstant());
        assertThat(rows(duckDb, bySpark, sparkSnapshot)).as("Spark's table on DuckDB").isEqualTo(expected);
        assertThat(rows(sparkSql, byDuckDb, duckDbSnapshot)).as("DuckDB's table on Spark").isEqualTo(expected);
        assertThat(rows(sparkSql, bySpark, sparkSnapshot)).as("Spark's table on Spark").isEqualTo(expected);
    }

    /** The table's Iceberg columns at {@code snapshot}, ids, optionality and types. */
    private List<String> columns(TableName table, long snapshot) {
        return tables.snapshot(table, snapshot).orElseThrow().schema().columns().stream()
                .map(Object::toString).toList();
    }

    private static List<List<Object>> rows(EngineSession engine, TableName table, long snapshot) {
        engine.registerTable(table, snapshot);
        return engine.query("SELECT id, last_modified, created, day, money, small, big, flag, val FROM " + table
                + " ORDER BY id").rows().stream().map(r -> r.stream()
                        .map(v -> v instanceof OffsetDateTime t ? (Object) t.toInstant() : v).toList()).toList();
    }
}
