package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;
import io.mongolatest.cluster.EmrInstanceMetadata;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableStore;

/**
 * The distributed engine: Spark SQL, on this machine ({@code local[N]}), a standalone cluster or YARN. Its
 * properties ({@link EngineSettings#properties()}) are {@code spark.master} and Spark settings (see
 * {@link SparkSettings}). Spark starts with the first session and runs until the process ends; every session
 * is a Spark session of its own over it. The tables are Iceberg tables of the warehouse's catalog, their files in
 * the warehouse, local or on S3, which Spark reaches itself (EMRFS on EMR, else Hadoop's S3A:
 * {@link HadoopS3Settings}); a session made for a warehouse reads them through Iceberg's Spark catalog and makes
 * its own in-memory catalog the warehouse's when it opens ({@link SparkCatalog}).
 */
public final class SparkEngine implements SqlEngine {
    public static final String NAME = "spark";
    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    /** The Spark its sessions run on: given, or started by the first session. */
    private SparkSession spark;
    /** On EMR, {@code s3://} is EMRFS and is left as it is. */
    private final boolean onEmr;

    /** An engine that starts Spark, as its properties say, when its first session opens. */
    public SparkEngine() {
        this.onEmr = EmrInstanceMetadata.ofThisNode().clusterId().isPresent();
    }

    private SparkEngine(SparkSession spark, boolean onEmr) {
        this.spark = requireNonNull(spark, "spark is null");
        this.onEmr = onEmr;
    }

    /** An engine over a Spark that is already running (its properties are then not used), off EMR. */
    public static SparkEngine on(SparkSession spark) {
        return new SparkEngine(spark, false);
    }

    /** Local folders, and {@code s3://}: through EMRFS on EMR, else through Hadoop's S3A. */
    @Override
    public boolean reaches(String scheme) {
        return LocalLocation.SCHEME.equals(scheme) || S3Location.SCHEME_NAME.equals(scheme);
    }

    /** Off EMR, an S3 warehouse needs Hadoop's S3A, which the Spark module's classpath has. */
    @Override
    public void checkWarehouse(Location warehouse) {
        if (warehouse instanceof S3Location && !onEmr && !HadoopS3Settings.s3aAvailable()) {
            throw MongoLatestException.user("--warehouse " + warehouse + ": Spark reaches s3:// here through Hadoop's"
                    + " S3A, and hadoop-aws is not on this Spark's class path");
        }
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
     * A session on the tables of {@code tables}: the Iceberg catalog is the session's {@link CatalogSpec#NAME}
     * ({@link IcebergCatalogConf}) and its own catalog is made the warehouse's (see {@link SparkCatalog}). The
     * memory limit does not apply: on one machine Spark's memory is the JVM's heap ({@code -Xmx}), on a cluster the
     * executors' settings.
     */
    @Override
    public EngineSession open(EngineSettings engine, TableStore tables) {
        requireNonNull(engine, "engine is null");
        requireNonNull(tables, "tables is null");
        if (engine.readOnly()) {
            throw MongoLatestException.user("the spark engine has no read-only sessions: query a warehouse with duckdb");
        }
        SparkSession running = spark(engine);
        SparkSession own = running.newSession();
        // Spark's writers read a copy of the Hadoop settings made when the process's first session started, with the
        // session's own settings over it: the session gets them too, or a later run's endpoint would never reach them.
        reachS3(running, engine.storage()).forEach((k, v) -> own.conf().set(k, v));
        IcebergCatalogConf.configure(own, tables.catalogProperties());
        return SparkCatalog.open(new SparkSqlSession(own, tables), tables);
    }

    /**
     * The S3A settings for this run's stores, in the Hadoop configuration every later job and file system reads;
     * returns them.
     * Hadoop caches a file system per bucket for the process: when an earlier session of this process set other
     * values (another endpoint), the cached ones are closed, else a bucket of the same name would still be
     * reached at the old endpoint.
     */
    private Map<String, String> reachS3(SparkSession running, StorageSettings storage) {
        Map<String, String> given = new LinkedHashMap<>();
        for (scala.Tuple2<String, String> kv : running.sparkContext().getConf().getAllWithPrefix("spark.hadoop.")) {
            given.put(kv._1(), kv._2());
        }
        org.apache.hadoop.conf.Configuration hadoop = running.sparkContext().hadoopConfiguration();
        Map<String, String> settings = HadoopS3Settings.of(storage, onEmr, given);
        // Any difference counts, whoever set the value before: a file system cached for a bucket keeps its endpoint.
        boolean changed = settings.entrySet().stream().anyMatch(e -> !e.getValue().equals(hadoop.get(e.getKey())));
        if (changed) {
            try {
                org.apache.hadoop.fs.FileSystem.closeAll();
            } catch (java.io.IOException e) {
                LOG.warn("cannot close the file systems of an earlier session: {}", e.getMessage());
            }
        }
        settings.forEach(hadoop::set);
        return settings;
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
        return new SparkSqlSession(requireNonNull(spark, "spark is null").newSession());
    }
}
