package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mongolatest.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.DuckDbSql;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkEngine;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.pipeline.sql.SqlScript;
import io.mongolatest.pipeline.sql.SqlSplitter;
import io.mongolatest.pipeline.sql.SqlStatement;
import io.mongolatest.pipeline.sql.SqlTemplate;
import io.mongolatest.product.synthetic.SyntheticExport;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableStore;

/**
 * The default product's views, unchanged, on both engines over the same latest tables (built by the DuckDB
 * pipeline from generated input): the same rows and the same column types.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultViewsParityTest {
    private static final LocalDate EXPORT_DATE = LocalDate.of(2024, 3, 4);
    private static final String VIEWS_STEP = "mongo-latest-views";

    private Path root;
    private EngineSession duckDb;
    private EngineSession sparkSql;
    private TableStore tables;
    private final SparkSession spark;

    DefaultViewsParityTest(SparkSession spark) {
        this.spark = spark;
    }

    @BeforeAll
    void buildWithDuckDbThenRunTheViewsOnSpark(@TempDir Path dir) throws IOException {
        root = dir;
        SyntheticExport.write(root.resolve("input"), new SyntheticExport.Options(3000, 5, EXPORT_DATE, 0, 2));
        RunResult run = PipelineRun.run(root, "parity", EXPORT_DATE, RunListener.NONE);
        assertThat(run.outcome()).as(run.message()).isEqualTo(RunOutcome.COMPLETED);
        Path warehouse = root.resolve("warehouse");
        tables = LocalTables.open(warehouse);
        duckDb = new DuckDbEngine().open(new EngineSettings(warehouse, DataSize.ofMebibytes(512), root.resolve("tmp"),
                2, false), tables);
        // Opened on the warehouse, Spark's session shows its published tables.
        sparkSql = SparkEngine.on(spark).open(new EngineSettings(root.resolve("spark"), DataSize.ofMebibytes(512),
                root.resolve("tmp"), 2, false), tables);
        for (String statement : viewStatements()) {
            sparkSql.execute(statement);
        }
    }

    /**
     * Documents with the awkward values real exports have (numbers as text, 2.0 for 2, exponents, claimants
     * that are no array, overflowing amounts): the views give the same rows on both engines all the same.
     * Values the engines read differently on purpose are in docs/product-sql.md, not here.
     */
    private static final Map<String, List<String>> EDGE_DOCUMENTS = Map.of(
            "core_statement", List.of(
                    "{\"contractId\":\"c1\",\"assessmentPeriod\":{\"assessmentPeriodId\":\"p1\","
                            + "\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31T00:00:00Z\"},"
                            + "\"paymentDate\":\"2024-02-07 10:00\",\"standardAllowance\":\"12.345\","
                            + "\"housingAmount\":12.355,\"childElement\":-0.005,\"earningsDeduction\":\"abc\","
                            + "\"sanctionsAmount\":1e2,\"advancesRepayment\":null,\"takeHomePay\":\"  7 \"}",
                    "{\"contractId\":{\"nested\":[1,2]},\"standardAllowance\":12345678901234567,\"status\":5}"),
            "core_contract", List.of(
                    "{\"claimants\":{\"a\":1},\"assessmentPeriodStartDay\":2.0,\"jointClaim\":\"true\","
                            + "\"startDate\":\"2020-01-01T10:00:00Z\"}",
                    "{\"claimants\":3,\"assessmentPeriodStartDay\":\"3.7\",\"jointClaim\":1,"
                            + "\"declaration\":{\"channel\":null}}",
                    "{\"claimants\":[],\"assessmentPeriodStartDay\":1e1,\"jointClaim\":\"no\"}",
                    "{\"assessmentPeriodStartDay\":\"x\",\"closedDate\":\"2020-02-30\"}",
                    "{\"claimants\":[1,[2,3],{\"x\":[4]}],\"assessmentPeriodStartDay\":-2.5}"),
            "core_claimant", List.of(
                    "{\"dateOfBirth\":\"1950-1-2\",\"identityVerified\":\"1\",\"email\":\"\u00e9@x\"}",
                    "{\"dateOfBirth\":null,\"identityVerified\":\"t\",\"firstName\":[\"A\"]}"),
            "core_todo", List.of("{\"priority\":2.0}", "{\"priority\":\"-2.5\"}", "{\"priority\":\"0x10\"}",
                    "{\"priority\":99999999999,\"dueDate\":\"2022-01-01\"}"),
            "accepted_data_address", List.of(
                    "{\"lines\":[\"l1\"],\"uprn\":1e9,\"verified\":\"false\"}",
                    "{\"lines\":\"one line\",\"uprn\":12345678901.0,\"postcode\":\"AB1 2CD\"}"));
    private static final String EDGE_SCHEMA = "edge_latest";

    @ParameterizedTest
    @ValueSource(strings = {"statement_fact_v", "contract_v", "claimant_v", "todo_v", "address_v"})
    void awkwardValuesGiveTheSameRowsOnBothEngines(String view) {
        if (!sparkSql.relations(EDGE_SCHEMA).contains("core_todo")) {
            for (Map.Entry<String, List<String>> t : EDGE_DOCUMENTS.entrySet()) {
                List<String> rows = new java.util.ArrayList<>();
                for (int i = 0; i < t.getValue().size(); i++) {
                    String id = "{\"statementId\":\"e" + i + "\",\"contractId\":\"e" + i + "\",\"citizenId\":\"e"
                            + i + "\",\"toDoId\":\"e" + i + "\",\"d_oid\":\"e" + i + "\"}";
                    rows.add("SELECT '" + id + "' AS id, TIMESTAMPTZ '2024-01-0" + (i + 1) + "T00:00:00Z' AS last_modified,"
                            + " CAST(NULL AS TIMESTAMPTZ) AS created, 'full' AS snapshot_type, 's' AS snapshot_id, '"
                            + t.getValue().get(i) + "' AS val");
                }
                TableName edge = new TableName(EDGE_SCHEMA, t.getKey());
                long snapshot = LocalTables.commit(tables, duckDb.writeTable(edge, String.join(" UNION ALL ", rows)));
                duckDb.registerTable(edge, snapshot);
                sparkSql.registerTable(edge, snapshot);
            }
            for (EngineSession engine : List.of(duckDb, sparkSql)) {
                for (String statement : viewStatements()) {
                    engine.execute(statement.replace(CollectionKey.LATEST_DATABASE + ".", EDGE_SCHEMA + "."));
                }
            }
        }
        String select = "SELECT * FROM " + EDGE_SCHEMA + "." + view;
        List<String> expected = sorted(duckDb.query(select));
        assertThat(expected).hasSize(EDGE_DOCUMENTS.get(source(view)).size());
        assertThat(sorted(sparkSql.query(select))).isEqualTo(expected);
    }

    private static String source(String view) {
        return switch (view) {
            case "statement_fact_v" -> "core_statement";
            case "contract_v" -> "core_contract";
            case "claimant_v" -> "core_claimant";
            case "todo_v" -> "core_todo";
            default -> "accepted_data_address";
        };
    }

    /** The default product's view statements, as the views step runs them. */
    private static List<String> viewStatements() {
        ProductPackage pkg = ProductPackage.load(ProductFiles.bundled(), new MongoLatestProduct());
        List<String> statements = new java.util.ArrayList<>();
        for (SqlScript script : pkg.scriptsOf(VIEWS_STEP)) {
            String sql = SqlTemplate.render(script, Map.of(), DuckDbSql::literal);
            for (SqlStatement statement : SqlSplitter.split(script.file(), sql)) {
                statements.add(statement.sql());
            }
        }
        return statements;
    }

    @AfterAll
    void close() {
        if (duckDb != null) {
            duckDb.close();
        }
        sparkSql.close();
        tables.close();
        spark.sql("DROP DATABASE IF EXISTS " + CollectionKey.LATEST_DATABASE + " CASCADE");
        spark.sql("DROP DATABASE IF EXISTS " + EDGE_SCHEMA + " CASCADE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"statement_fact_v", "contract_v", "claimant_v", "todo_v", "address_v"})
    void aDefaultViewGivesTheSameRowsAndTypesOnBothEngines(String view) {
        String select = "SELECT * FROM " + CollectionKey.LATEST_DATABASE + "." + view;
        TableName byDuckDb = new TableName("out_duckdb", view);
        TableName bySpark = new TableName("out_spark", view);
        long duckDbSnapshot = LocalTables.commit(tables, duckDb.writeTable(byDuckDb, select));
        long sparkSnapshot = LocalTables.commit(tables, sparkSql.writeTable(bySpark, select));
        long rows = tables.snapshot(byDuckDb, duckDbSnapshot).orElseThrow().rows();
        assertThat(rows).isPositive();
        assertThat(tables.snapshot(bySpark, sparkSnapshot).orElseThrow().rows()).isEqualTo(rows);
        assertThat(columns(bySpark, sparkSnapshot)).as("column types as written").isEqualTo(columns(byDuckDb,
                duckDbSnapshot));

        List<String> expected = sorted(duckDb.query(select));
        assertThat(expected).hasSize((int) rows);
        assertThat(sorted(sparkSql.query(select))).as("rows on Spark").isEqualTo(expected);
        // Read back by one reader, the two engines' tables hold the same rows.
        duckDb.registerTable(bySpark, sparkSnapshot);
        assertThat(sorted(duckDb.query("SELECT * FROM " + bySpark))).isEqualTo(expected);
    }

    /** The table's Iceberg columns at {@code snapshot}: names, optionality and types. */
    private List<String> columns(TableName table, long snapshot) {
        return tables.snapshot(table, snapshot).orElseThrow().schema().columns().stream()
                .map(Object::toString).toList();
    }

    /** Rows as text, instants as instants, columns named, sorted: equal whatever the engine's row order. */
    private static List<String> sorted(QueryResult r) {
        return r.rows().stream().map(row -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i) instanceof OffsetDateTime t ? t.toInstant() : row.get(i);
                s.append(r.columns().get(i)).append('=').append(v == null ? "NULL" : v.getClass().getSimpleName()
                        + ":" + v).append(' ');
            }
            return s.toString();
        }).sorted(Comparator.naturalOrder()).toList();
    }
}
