package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import io.mongolatest.MongoLatestException;

/** Opens the {@link SparkSession} of a run from its settings. */
public final class SparkSessions {
    /**
     * What the product's results depend on, so that they equal DuckDB's: ANSI SQL (a bad CAST fails, as on
     * DuckDB), instants shown and cast in UTC, Parquet timestamps as DuckDB writes them (INT64 microseconds,
     * adjusted to UTC; Spark's default is INT96), dates and timestamps read and written as they are (no
     * calendar rebasing), no {@code _SUCCESS} file beside a table's Parquet files, and query results with
     * {@code java.time} values, which do not depend on the JVM's time zone.
     */
    public static final Map<String, String> FIXED = Map.of(
            "spark.sql.ansi.enabled", "true",
            "spark.sql.session.timeZone", "UTC",
            "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
            "spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED",
            "spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED",
            "spark.sql.parquet.int96RebaseModeInRead", "CORRECTED",
            "spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false",
            "spark.sql.datetime.java8API.enabled", "true");

    private SparkSessions() {
    }

    /**
     * A session for {@code spark}, spilling and keeping its catalog's folders under {@code tempDir}. If the
     * JVM already runs a Spark context, the session shares it.
     */
    public static SparkSession open(SparkSettings spark, Path tempDir) {
        requireNonNull(spark, "spark is null");
        requireNonNull(tempDir, "tempDir is null");
        Path dir = tempDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.resolve("spark-local"));
        } catch (IOException e) {
            throw MongoLatestException.user("cannot create " + dir + ": " + e.getMessage(), e);
        }
        // Loads spark.* system properties too: spark-submit passes its --conf values so.
        SparkConf conf = new SparkConf();
        conf.setMaster(spark.master()).setAppName(spark.appName());
        for (Map.Entry<String, String> e : conf(spark, dir).entrySet()) {
            conf.set(e.getKey(), e.getValue());
        }
        try {
            return SparkSession.builder().config(conf).getOrCreate();
        } catch (RuntimeException e) {
            throw MongoLatestException.external("cannot start Spark (" + spark.master() + "): " + e.getMessage(), e);
        }
    }

    /** Every setting a session gets: the defaults below, then the user's, then {@link #FIXED}. */
    static Map<String, String> conf(SparkSettings spark, Path dir) {
        Map<String, String> conf = new LinkedHashMap<>();
        // The web UI listens on a port of its own: opt in with --spark-conf spark.ui.enabled=true.
        conf.put("spark.ui.enabled", "false");
        // The session catalog's own folders (CREATE DATABASE makes one): it holds views only, in memory (EMR's
        // default is a Hive metastore); the tables are the Iceberg catalog's.
        conf.put("spark.sql.warehouse.dir", dir.resolve("spark-warehouse").toUri().toString());
        conf.put("spark.sql.parquet.compression.codec", "zstd");
        if (spark.loopback()) {
            conf.put("spark.driver.host", "127.0.0.1");
            conf.put("spark.driver.bindAddress", "127.0.0.1");
        }
        if (spark.local()) {
            // A cluster manager gives executors their own scratch folders.
            conf.put("spark.local.dir", dir.resolve("spark-local").toString());
            // The default of 200 suits a cluster; on one machine a task per core is enough.
            conf.put("spark.sql.shuffle.partitions", Integer.toString(Math.max(1, spark.localThreads())));
        }
        conf.putAll(spark.confs());
        // Always: a session drops the databases of the catalog it finds (SparkCatalog), a shared one's included.
        conf.put("spark.sql.catalogImplementation", "in-memory");
        conf.putAll(FIXED);
        return conf;
    }
}
