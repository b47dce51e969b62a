package io.mongolatest.engine.spark;

import static io.mongolatest.engine.spark.SparkSql.identifier;
import static io.mongolatest.engine.spark.SparkSql.literal;
import static io.mongolatest.engine.spark.SparkSql.qualified;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.spark.SparkContext;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.CommandResult;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.engine.SqlFailure;

/**
 * An engine session on a {@link SparkSession}. Every statement runs in the session's job group, so that
 * {@link #cancel()} from another thread stops its jobs (interrupting their tasks) and every later one.
 */
final class SparkSqlSession implements EngineSession {
    private final SparkSession spark;
    private final boolean ownsSpark;
    private final String jobGroup = "mongo-latest-" + UUID.randomUUID();
    private volatile boolean cancelled;

    /** @param ownsSpark whether {@link #close()} stops {@code spark} (else it belongs to someone else) */
    SparkSqlSession(SparkSession spark, boolean ownsSpark) {
        this.spark = spark;
        this.ownsSpark = ownsSpark;
    }

    @Override
    public void execute(String sql) {
        run(sql, () -> {
            Dataset<Row> result = spark.sql(sql);
            // Spark runs commands (DDL, INSERT) when parsing them; a query runs only when read, here into nothing.
            if (!(((org.apache.spark.sql.classic.Dataset<Row>) result).logicalPlan() instanceof CommandResult)) {
                result.write().format("noop").mode(SaveMode.Overwrite).save();
            }
            return null;
        });
    }

    @Override
    public QueryResult query(String sql) {
        return run(sql, () -> {
            Dataset<Row> result = spark.sql(sql);
            return SparkValues.result(result.schema(), result.collectAsList());
        });
    }

    @Override
    public void createSchema(String schema) {
        execute("CREATE DATABASE IF NOT EXISTS " + identifier(schema));
    }

    /**
     * Spark writes a part file per task (at least one, so an empty result keeps its schema) into the
     * empty {@code directory}; the rows written are counted from the files' footers.
     */
    @Override
    public long writeParquet(String selectSql, Location target) {
        Path directory = target instanceof LocalLocation l ? l.path() : null;
        if (directory != null) {
            checkEmpty(directory);
        }
        String location = location(target);
        return run(selectSql, () -> {
            spark.sql(selectSql).write().mode(SaveMode.Append).parquet(location);
            if (directory != null) {
                removeChecksums(directory);
            }
            return spark.read().parquet(location).count();
        });
    }

    /** An external table of the catalog: dropping it later leaves the files alone. */
    @Override
    public void registerParquetTable(String schema, String name, Location directory) {
        createSchema(schema);
        dropRelation(schema, name);
        execute("CREATE TABLE " + qualified(schema, name) + " USING parquet LOCATION " + literal(location(directory)));
    }

    @Override
    public String literal(String value) {
        return SparkSql.literal(value);
    }

    @Override
    public List<String> relations(String schema) {
        return run("SHOW TABLES IN " + schema, () -> {
            if (!spark.catalog().databaseExists(schema)) {
                return List.of();
            }
            // SHOW TABLES lists the session's temporary views too: they belong to no schema.
            return spark.sql("SHOW TABLES IN " + identifier(schema)).collectAsList().stream()
                    .filter(r -> !r.getBoolean(2)).map(r -> r.getString(1)).sorted().toList();
        });
    }

    @Override
    public void dropRelation(String schema, String name) {
        String kind = run("DESCRIBE " + schema + "." + name, () -> {
            if (!spark.catalog().databaseExists(schema) || !spark.catalog().tableExists(schema, name)) {
                return null;
            }
            return "VIEW".equals(spark.catalog().getTable(schema, name).tableType()) ? "VIEW" : "TABLE";
        });
        if (kind != null) {
            execute("DROP " + kind + " IF EXISTS " + qualified(schema, name));
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        spark.sparkContext().cancelJobGroupAndFutureJobs(jobGroup, "cancelled by mongo-latest");
    }

    @Override
    public void close() {
        if (ownsSpark) {
            spark.stop();
        }
    }

    private <T> T run(String sql, Callable<T> statement) {
        if (cancelled) {
            throw new SqlFailure("interrupted before the statement started", true, null);
        }
        SparkContext context = spark.sparkContext();
        context.setJobGroup(jobGroup, description(sql), true);
        try {
            return statement.call();
        } catch (MongoLatestException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e);
        } finally {
            context.clearJobGroup();
        }
    }

    private SqlFailure failure(Exception e) {
        String message = message(e);
        return cancelled ? new SqlFailure("interrupted: " + message, true, e) : new SqlFailure(message, false, e);
    }

    /** The message of the innermost error Spark classified, which says what went wrong; a job failure does not. */
    private static String message(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SparkThrowable s && s.getCondition() != null && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return message;
    }

    private static String description(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    /**
     * A URI, so that a local path is not read against the cluster's default file system (HDFS on EMR);
     * {@code s3://} as it is (EMRFS on EMR, S3A where {@code fs.s3.impl} maps it).
     */
    private static String location(Location location) {
        return location instanceof LocalLocation l ? l.path().toUri().toString() : location.toString();
    }

    /**
     * Hadoop's local file system writes a {@code .<file>.crc} beside each file; every file of a table is
     * to be one of its Parquet files, and readers do not need them.
     */
    private static void removeChecksums(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".crc")) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void checkEmpty(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            if (files.findAny().isPresent()) {
                throw new IllegalArgumentException(directory + " is not empty");
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }
}
