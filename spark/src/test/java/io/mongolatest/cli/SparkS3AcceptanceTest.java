package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.engine.spark.SharedSpark;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ObjectInfo;
import io.mongolatest.storage.s3.S3Objects;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableSnapshot;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.TableStores;

/**
 * S3 on the Spark engine, through the command line, against s3proxy: Spark's tasks read the input from S3 and
 * Spark writes the tables' data files to {@code s3://} itself (Hadoop's S3A, mapped off EMR), the core commits them
 * as Iceberg tables in a catalog every step names ({@code sqlite:PATH}); the result equals a DuckDB run on local folders of the same input row for row and column type by
 * column type, with each step starting from an empty state folder; a missing bucket is one line.
 * The runs share this JVM's one Spark. A run killed during publication and a retry after a changed input object
 * do not depend on the engine (the commit and the fingerprints are the core's): {@code S3AcceptanceTest} shows
 * them on DuckDB.
 */
@ExtendWith({S3ProxyExtension.class, SharedSpark.class})
class SparkS3AcceptanceTest {
    private static final RunKey KEY = new RunKey("spark-s3-1", "MONGO_LATEST");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static S3ProxyServer s3;
    private static S3Objects objects;
    private static S3Location bucket;
    private static S3Location input;
    private static Map<String, WarehouseTables.Table> reference;
    private static List<String> referenceQuarantine;
    private static S3TestSetup credentials;

    /** The in-process runs open their sessions on this Spark. */
    SparkS3AcceptanceTest(SparkSession spark) {
        assertThat(spark.sparkContext().isStopped()).isFalse();
    }

    @BeforeAll
    static void generateUploadAndRunLocallyOnDuckDb(S3ProxyServer server) throws Exception {
        s3 = server;
        objects = server.objects();
        credentials = S3TestSetup.credentialsOf(server);
        Path local = shared.resolve("input");
        FreshStateSteps.generate(local, shared.resolve("gen-state"), 1500, 9, "0.001");
        bucket = server.createBucket();
        input = bucket.resolve("exports/input");
        S3TestSetup.upload(objects, local, input);

        Path ref = shared.resolve("ref");
        CliRun clean = CliRun.of(args("run", local.toString(), ref.resolve("warehouse").toString(), ref, "duckdb"));
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        reference = WarehouseTables.read(ref.resolve("warehouse"), false);
        assertThat(reference).containsKeys("ucs_latest_redacted.statement_fact_v", "uc_mongo_latest.core_contract");
        referenceQuarantine = new ArrayList<>();
        try (Stream<Path> q = Files.list(ref.resolve("warehouse/quarantine").resolve(KEY.correlationId()))) {
            for (Path f : q.toList()) {
                Files.readAllLines(f).forEach(l -> referenceQuarantine.add(f.getFileName() + " " + l));
            }
        }
        assertThat(referenceQuarantine).as("the input has bad lines").isNotEmpty();
        referenceQuarantine.sort(null);
    }

    @AfterAll
    static void restoreProperties() {
        credentials.close();
    }

    static String[] args(String command, String in, String warehouse, Path base, String engine, String... extra) {
        List<String> a = new ArrayList<>(List.of(command, "--correlation-id", KEY.correlationId(), "--export-date",
                "2026-11-20", "--input", in, "--warehouse", warehouse, "--state-dir", base.resolve("state").toString(),
                "--memory", "512MB", "--threads", "1", "--engine", engine));
        if (engine.equals("spark")) {
            a.addAll(List.of("--spark-master", "local[2]"));
        }
        if (in.startsWith("s3://") || warehouse.startsWith("s3://")) {
            a.addAll(List.of("--s3-endpoint", s3.endpoint().toString()));
        }
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** The tables of an S3 warehouse in the catalog {@code sqlite:<catalog>}. */
    private static TableStore open(S3Location warehouse, Path catalog) {
        return TableStores.open(Storages.load(StorageSettings.of(s3.endpoint().toString())), warehouse,
                CatalogSpec.parse("sqlite:" + catalog), CatalogEndpoints.none());
    }

    /**
     * Every object of a table's data folders, as a location: a clean run leaves none but the files its tables'
     * snapshots read (no task's leftovers, no checksums, no {@code _SUCCESS}).
     */
    private static Set<String> dataObjects(S3Location warehouse) throws Exception {
        Set<String> out = new TreeSet<>();
        for (S3ObjectInfo o : objects.list(warehouse)) {
            if (o.key().contains("/data/") && !o.key().endsWith("/")) { // S3A's folder markers are no files
                out.add("s3://" + warehouse.bucket() + "/" + o.key());
            }
        }
        return out;
    }

    /**
     * The data and delete files some snapshot of a table of {@code tables} reads: the audit table has one per step
     * that recorded the run, each still readable.
     */
    private static Set<String> snapshotFiles(TableStore tables) {
        Set<String> out = new TreeSet<>();
        for (String db : tables.databases()) {
            for (String t : tables.tables(db)) {
                TableName table = new TableName(db, t);
                for (TableSnapshot s : tables.history(table)) {
                    tables.scan(table, s.snapshotId()).files().forEach(f -> {
                        out.add(f.path().toString());
                        f.deletes().forEach(d -> out.add(d.toString()));
                    });
                }
            }
        }
        return out;
    }

    /**
     * The default pipeline as EMR runs a cluster's steps, and as a relaunch runs them on a brand-new cluster: each
     * step with a state folder of its own, empty, the ledger the only thing they share besides the stores. The
     * steps are commands of this JVM on its one Spark, whose catalog each step's session makes the warehouse's
     * again: the publish step must find the tables the build step committed and the views the views step made on
     * S3; a clean run leaves no data file its tables do not read.
     */
    @Test
    void theDefaultPipelineOnSparkAsStepsWithEmptyStateFoldersEqualsALocalDuckDbRun() throws Exception {
        S3Location warehouse = bucket.resolve("warehouses/fresh-state");
        Path ledger = dir.resolve("ledger.db");

        Path catalog = dir.resolve("catalog.db");

        FreshStateSteps.run(dir, (step, node) -> args("step", input.toString(), warehouse.toString(), node, "spark",
                "--ledger", "sqlite:" + ledger, "--catalog", "sqlite:" + catalog, step));

        try (TableStore tables = open(warehouse, catalog)) {
            assertThat(WarehouseTables.read(tables, dir.resolve("copies"), false)).isEqualTo(reference);
            Set<String> read = snapshotFiles(tables);
            assertThat(read).isNotEmpty().allMatch(f -> f.endsWith(".parquet"), "a Parquet file");
            assertThat(dataObjects(warehouse)).as("only the files the tables' snapshots read").isEqualTo(read);
        }
        assertThat(objects.list(warehouse.resolve(".build-scratch"))).as("the tasks' parts, merged").isEmpty();
        assertThat(objects.head(warehouse.resolve("catalog.spark.json"))).as("the views, kept beside the tables")
                .isPresent();
        LedgerRow row = new ChildLedger(ledger, KEY).read().orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row.runId()).isEqualTo(1);
        assertThat(row.snapshotsPrefix()).isEqualTo(input.toString());
        assertThat(row.outputPrefix()).isEqualTo(warehouse.toString());
        S3Location quarantine = warehouse.resolve("quarantine/" + KEY.correlationId());
        List<String> quarantined = new ArrayList<>();
        for (S3ObjectInfo o : objects.list(quarantine)) {
            try (InputStream in = objects.open(o)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .forEach(l -> quarantined.add(o.keyBelow(quarantine) + " " + l));
            }
        }
        quarantined.sort(null);
        assertThat(quarantined).as("the same bad lines (Spark writes them in file order)")
                .isEqualTo(referenceQuarantine);
    }

    @Test
    void aMissingInputBucketIsOneLineAndExitTwoBeforeAnythingIsWritten() {
        CliRun missing = CliRun.of(args("run", "s3://missing-bucket/x", bucket.resolve("warehouses/none").toString(),
                dir, "spark", "--catalog", "sqlite:" + dir.resolve("catalog.db")));
        assertThat(missing.exitCode()).as(missing.out() + missing.err()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("error: cannot list s3://missing-bucket/x: the bucket"
                + " missing-bucket does not exist in S3 at " + s3.endpoint());
        assertThat(dir.resolve("state/ledger.db")).doesNotExist();
        assertThat(objects.list(bucket.resolve("warehouses/none"))).isEmpty();
    }
}
