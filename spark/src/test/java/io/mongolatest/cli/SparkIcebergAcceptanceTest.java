package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.engine.spark.SparkIcebergReader;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.TableStores;

/**
 * The promise, end to end: the same generated input run through the command line on DuckDB and on Spark
 * ({@code local[2]}), on a local warehouse and on an S3 one (s3proxy, catalog {@code sqlite:PATH}), gives Iceberg
 * tables any reader takes for the same: every published table of DuckDB's runs reads on Spark's own Iceberg reader
 * (Iceberg's Spark catalog, from the store's catalog properties) exactly as Spark's tables do, and every table of
 * Spark's runs reads on our reader exactly as DuckDB's do, row for row and column type by column type. The runs
 * share this JVM's one Spark.
 */
@ExtendWith({S3ProxyExtension.class, SharedSpark.class})
class SparkIcebergAcceptanceTest {
    private static final String EXPORT_DATE = "2026-11-20";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static S3ProxyServer s3;
    private static S3TestSetup credentials;
    private final SparkSession spark;

    SparkIcebergAcceptanceTest(SparkSession spark) {
        this.spark = spark;
    }

    @BeforeAll
    static void generate(S3ProxyServer server) {
        s3 = server;
        credentials = S3TestSetup.credentialsOf(server);
        FreshStateSteps.generate(shared.resolve("input"), shared.resolve("gen-state"), 1500, 13, "0.001");
    }

    @AfterAll
    static void restoreProperties() {
        credentials.close();
    }

    /** Where a run writes: a warehouse, the catalog it names ({@code null}: the default) and the S3 it reaches. */
    private record Target(Location warehouse, String catalog, StorageSettings storage) {
        TableStore open() {
            return TableStores.open(Storages.load(storage), warehouse,
                    CatalogSpec.parse(catalog == null ? "sqlite" : catalog), CatalogEndpoints.none());
        }
    }

    @Test
    void onLocalWarehousesEachEnginesTablesReadOnTheOthersReaderAsItsOwn() {
        compare(run("duckdb", new Target(LocalLocation.of(dir.resolve("duckdb/warehouse")), null,
                        StorageSettings.defaults())),
                run("spark", new Target(LocalLocation.of(dir.resolve("spark/warehouse")), null,
                        StorageSettings.defaults())));
    }

    @Test
    void onS3WarehousesEachEnginesTablesReadOnTheOthersReaderAsItsOwn() {
        StorageSettings storage = StorageSettings.of(s3.endpoint().toString());
        compare(run("duckdb", new Target(s3.createBucket().resolve("wh"), "sqlite:" + dir.resolve("duckdb.db"),
                        storage)),
                run("spark", new Target(s3.createBucket().resolve("wh"), "sqlite:" + dir.resolve("spark.db"),
                        storage)));
    }

    private Target run(String engine, Target target) {
        List<String> a = new ArrayList<>(List.of("run", "--correlation-id", "iceberg-1", "--export-date", EXPORT_DATE,
                "--input", shared.resolve("input").toString(), "--warehouse", target.warehouse().toString(),
                "--state-dir", dir.resolve(engine + "-state").toString(), "--memory", "512MB", "--threads", "1",
                "--engine", engine));
        if (engine.equals("spark")) {
            a.addAll(List.of("--spark-master", "local[2]"));
        }
        if (target.catalog() != null) {
            a.addAll(List.of("--catalog", target.catalog(), "--s3-endpoint", s3.endpoint().toString()));
        }
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(engine + ": " + r.err()).isZero();
        return target;
    }

    private void compare(Target byDuckDb, Target bySpark) {
        try (TableStore duckDbTables = byDuckDb.open(); TableStore sparkTables = bySpark.open()) {
            Map<String, List<String>> duckDbOnSpark = SparkIcebergReader.read(spark, duckDbTables);
            assertThat(duckDbOnSpark).containsKeys("uc_mongo_latest.core_contract",
                    "ucs_latest_redacted.statement_fact_v", "ucs_latest_unredacted.statement_fact_v");
            assertThat(duckDbOnSpark.get("uc_mongo_latest.core_contract")).hasSizeGreaterThan(100);
            assertThat(duckDbOnSpark).as("DuckDB's tables on Spark's Iceberg reader, as Spark's own")
                    .isEqualTo(SparkIcebergReader.read(spark, sparkTables));

            Map<String, WarehouseTables.Table> sparkOnOurs = WarehouseTables.read(sparkTables, dir.resolve("copies"),
                    false);
            assertThat(sparkOnOurs).as("Spark's tables on our reader, as DuckDB's")
                    .isEqualTo(WarehouseTables.read(duckDbTables, dir.resolve("copies"), false));
        }
    }
}
