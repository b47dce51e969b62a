package io.mongolatest.engine.spark;

import java.util.Set;
import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.SparkSession;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlEngine;

/**
 * The distributed engine: Spark SQL, on this machine ({@code local[N]}), a standalone cluster or YARN.
 * A session owns its {@link SparkSession}; table data lives in Parquet in the warehouse and the catalog
 * (in memory) only points at it.
 */
public final class SparkEngine implements SqlEngine {
    public static final String NAME = "spark";

    private final SparkSettings settings;

    /** Local Spark on every core. */
    public SparkEngine() {
        this(SparkSettings.defaults());
    }

    public SparkEngine(SparkSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> capabilities() {
        return Set.of();
    }

    public SparkSettings settings() {
        return settings;
    }

    /**
     * Starts Spark for the session, which stops it when closed. The memory limit does not apply: on one
     * machine Spark's memory is the JVM's heap ({@code -Xmx}), on a cluster the executors' settings.
     */
    @Override
    public EngineSession open(EngineSettings engine) {
        requireNonNull(engine, "engine is null");
        if (engine.readOnly()) {
            throw MongoLatestException.user("the spark engine has no read-only sessions: query a warehouse with duckdb");
        }
        SparkSettings spark = engine.threads() > 0 && settings.master().equals(SparkSettings.DEFAULT_MASTER)
                ? new SparkSettings("local[" + engine.threads() + "]", settings.appName(), settings.confs())
                : settings;
        return new SparkSqlSession(SparkSessions.open(spark, engine.tempDir()), true);
    }

    /**
     * A session on a Spark that is already running, which it leaves running when closed. It gets its own
     * temporary views and SQL settings but shares the catalog.
     */
    public static EngineSession attach(SparkSession spark) {
        return new SparkSqlSession(requireNonNull(spark, "spark is null").newSession(), false);
    }
}
