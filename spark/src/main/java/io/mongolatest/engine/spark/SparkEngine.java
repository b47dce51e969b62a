package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;
import io.mongolatest.DataSize;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.product.build.LatestBuild;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.storage.Warehouse;

/**
 * The distributed engine: Spark SQL, on this machine ({@code local[N]}), a standalone cluster or YARN. Its
 * properties ({@link EngineSettings#properties()}) are {@code spark.master} and Spark settings (see
 * {@link SparkSettings}). Spark starts with the first session and runs until the process ends; every session
 * is a Spark session of its own over it. Table data lives in Parquet in the warehouse; the catalog (in memory)
 * only points at it, and a session made for a warehouse brings it up to date from there when it opens.
 */
public final class SparkEngine implements SqlEngine {
    public static final String NAME = "spark";
    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    /** The Spark its sessions run on: given, or started by the first session. */
    private SparkSession spark;

    /** An engine that starts Spark, as its properties say, when its first session opens. */
    public SparkEngine() {
    }

    private SparkEngine(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /** An engine over a Spark that is already running (its properties are then not used). */
    public static SparkEngine on(SparkSession spark) {
        return new SparkEngine(spark);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> capabilities() {
        return Set.of(LatestBuild.class);
    }

    /** {@code spark.master} and {@code spark.*} settings, as {@link SparkSettings} reads them. */
    @Override
    public void checkProperties(Map<String, String> properties) {
        SparkSettings.fromProperties(properties, 0);
    }

    /**
     * A session on the warehouse of {@code engine}, whose catalog is made the warehouse's (see
     * {@link WarehouseCatalog}). The memory limit does not apply: on one machine Spark's memory is the JVM's
     * heap ({@code -Xmx}), on a cluster the executors' settings.
     */
    @Override
    public EngineSession open(EngineSettings engine) {
        requireNonNull(engine, "engine is null");
        if (engine.readOnly()) {
            throw MongoLatestException.user("the spark engine has no read-only sessions: query a warehouse with duckdb");
        }
        Warehouse warehouse = Storages.load(StorageSettings.defaults())
                .warehouse(LocalLocation.of(engine.warehouse()), Clock.systemUTC());
        WarehouseCatalog catalog = new WarehouseCatalog(warehouse);
        SparkSqlSession session = new SparkSqlSession(spark(engine).newSession(), catalog);
        catalog.restore(session);
        return session;
    }

    private synchronized SparkSession spark(EngineSettings engine) {
        if (spark == null) {
            // spark-submit gives its --master as this system property: without --spark-master, that one counts.
            Map<String, String> properties = new LinkedHashMap<>(engine.properties());
            String submitted = System.getProperty(SparkSettings.MASTER_KEY);
            if (submitted != null) {
                properties.putIfAbsent(SparkSettings.MASTER_KEY, submitted);
            }
            SparkSettings settings = SparkSettings.fromProperties(properties, engine.threads());
            spark = SparkSessions.open(settings, engine.tempDir());
            if (settings.local()) {
                warnOnSmallHeap(engine.memoryLimit());
            }
        }
        return spark;
    }

    /** On one machine Spark has the JVM's heap only: a heap well below --memory is worth a word. */
    private static void warnOnSmallHeap(DataSize memory) {
        long heap = Runtime.getRuntime().maxMemory();
        if (heap < memory.bytes() * 3 / 4) {
            LOG.warn("Spark runs in this JVM with a heap of {}, less than --memory {}: start the JVM with -Xmx{}m"
                    + " (./mongo-latest does)", new DataSize(heap), memory, memory.mebibytes());
        }
    }

    /**
     * A session on a Spark that is already running, with no warehouse of its own: its catalog is the one it
     * finds, and nothing it creates outlives the process.
     */
    public static EngineSession attach(SparkSession spark) {
        return new SparkSqlSession(requireNonNull(spark, "spark is null").newSession(), null);
    }
}
