package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.spark.SparkJvm;
import io.mongolatest.product.build.LatestState;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/**
 * {@code --spark-catalog hive}: a run on Spark with input and warehouse on S3 registers every published table,
 * at the version its database's manifest names, and every view of the product in a Hive metastore (Spark's
 * embedded Derby, in the test's folder), in the original's four databases. A child JVM: this JVM's one Spark keeps
 * its catalog in memory, and a Spark cannot change that once started. The metastore is read back through Derby
 * after the child has ended.
 */
@ExtendWith(S3ProxyExtension.class)
class SparkHiveCatalogTest {
    private static final String RUN = "spark-hive-1";

    @TempDir
    Path dir;

    @Test
    void everyPublishedTableAndViewIsInTheMetastore(S3ProxyServer s3) throws Exception {
        Path local = dir.resolve("input");
        FreshStateSteps.generate(local, dir.resolve("gen"), 300, 23, "0");
        S3Location bucket = s3.createBucket();
        S3Location input = bucket.resolve("exports");
        S3Location warehouse = bucket.resolve("published");
        S3TestSetup.upload(s3.objects(), local, input);
        CliRun ref = CliRun.of("run", "--correlation-id", RUN, "--export-date", "2026-11-20", "--input",
                local.toString(), "--warehouse", dir.resolve("ref/warehouse").toString(), "--state-dir",
                dir.resolve("ref/state").toString(), "--engine", "duckdb", "--memory", "512MB", "--threads", "1");
        assertThat(ref.exitCode()).as(ref.err()).isZero();

        Path metastore = dir.resolve("metastore_db");
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Dderby.system.home=" + dir));
        jvm.addAll(SparkJvm.moduleOptions());
        ChildRun run = ChildRun.start(dir, "hive-run", jvm, s3.environment(), "run", "--correlation-id", RUN,
                "--export-date", "2026-11-20", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--s3-endpoint", s3.endpoint().toString(), "--state-dir", dir.resolve("state").toString(),
                "--engine", "spark", "--spark-master", "local[2]", "--threads", "1", "--spark-catalog", "hive",
                "--spark-conf", "spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby:;databaseName=" + metastore
                        + ";create=true",
                "--spark-conf", "spark.hadoop.hive.exec.scratchdir=" + dir.resolve("hive-scratch"));
        assertThat(run.await(240)).as(run.out() + run.err()).isZero();
        assertThat(WarehouseContents.readS3(s3.objects(), warehouse, dir.resolve("read")))
                .isEqualTo(WarehouseContents.read(dir.resolve("ref/warehouse")));

        Map<String, String> tables = new TreeMap<>();
        Set<String> views = new TreeSet<>();
        Set<String> databases = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + metastore);
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT NAME FROM DBS")) {
                while (r.next()) {
                    databases.add(r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT d.NAME, t.TBL_NAME, t.TBL_TYPE, sd.LOCATION FROM TBLS t"
                    + " JOIN DBS d ON t.DB_ID = d.DB_ID LEFT JOIN SDS sd ON t.SD_ID = sd.SD_ID")) {
                while (r.next()) {
                    String name = r.getString(1) + "." + r.getString(2);
                    if (r.getString(3).equals("VIRTUAL_VIEW")) {
                        views.add(name);
                    } else {
                        tables.put(name, r.getString(3) + " " + withoutSlash(r.getString(4)));
                    }
                }
            }
        }
        assertThat(databases).contains("uc_mongo_latest", "ucs_latest_unredacted", "ucs_latest_redacted", "audit")
                .doesNotContain(LatestState.DATABASE);
        Map<String, String> committed = new TreeMap<>();
        WarehouseContents.currentVersions(s3.objects(), warehouse).forEach((name, version) -> {
            if (LatestState.published(name.substring(0, name.indexOf('.')))) {
                committed.put(name, "EXTERNAL_TABLE " + withoutSlash(version.toString()));
            }
        });
        assertThat(WarehouseContents.currentVersions(s3.objects(), warehouse)).as("the build kept its state")
                .containsKey(LatestState.DATABASE + ".core_contract");
        assertThat(committed).containsKeys("audit.data_pipeline_metadata", "ucs_latest_redacted.statement_fact_v");
        assertThat(tables).as("each table at its committed version").isEqualTo(committed);
        assertThat(views).containsExactlyInAnyOrder("uc_mongo_latest.statement_fact_v", "uc_mongo_latest.contract_v",
                "uc_mongo_latest.claimant_v", "uc_mongo_latest.todo_v", "uc_mongo_latest.address_v");
    }

    private static String withoutSlash(String location) {
        return location != null && location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }
}
