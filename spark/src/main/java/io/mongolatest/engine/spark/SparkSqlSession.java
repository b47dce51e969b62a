package io.mongolatest.engine.spark;

import static io.mongolatest.engine.spark.SparkSql.identifier;
import static io.mongolatest.engine.spark.SparkSql.literal;
import static io.mongolatest.engine.spark.SparkSql.qualified;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.spark.SparkContext;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.CommandResult;
import org.apache.spark.sql.types.StructType;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.CommitFollower;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.Location;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.engine.QuotedValues;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.product.build.LatestBuild;

/**
 * An engine session on a {@link SparkSession}, which it leaves running when closed. Every statement runs in
 * the session's job group, so that {@link #cancel()} from another thread stops its jobs (interrupting their
 * tasks) and every later one. A session of a warehouse is made the warehouse's by {@link SparkCatalog}, which
 * keeps its views there, since Spark's own catalog lives only as long as the process.
 */
final class SparkSqlSession implements EngineSession {
    private final SparkSession spark;
    private final String jobGroup = "mongo-latest-" + UUID.randomUUID();
    private volatile boolean cancelled;
    private boolean confined;
    private CommitFollower.Following following;

    SparkSqlSession(SparkSession spark) {
        this.spark = spark;
    }

    SparkSession spark() {
        return spark;
    }

    /** The session follows a warehouse's commits until it is closed. */
    void following(CommitFollower.Following registration) {
        this.following = registration;
    }

    /**
     * Spark cannot keep a session to some folders: the statements themselves are checked from now on
     * ({@link ConfinedStatements}), and a table named by a file's path is not read ({@code spark.sql.runSQLOnFiles}).
     * The tables' locations are the catalog's, which the checked statements cannot change.
     */
    @Override
    public void confine(List<Location> readable) {
        spark.conf().set("spark.sql.runSQLOnFiles", "false");
        confined = true;
    }

    private void checkConfined(String sql) {
        if (confined) {
            ConfinedStatements.refusal(spark, sql).ifPresent(why -> {
                throw new SqlFailure(why, false, null);
            });
        }
    }

    @Override
    public void execute(String sql) {
        checkConfined(sql);
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
        checkConfined(sql);
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
        return writeParquet(selectSql, () -> spark.sql(selectSql), target, true);
    }

    /**
     * Writes the rows {@code rows} gives, as {@link #writeParquet(String, Location)} does; {@code what} names
     * them. Returns the rows written if {@code count}, else -1 (for a caller that counts them itself).
     */
    long writeParquet(String what, Supplier<Dataset<Row>> rows, Location target, boolean count) {
        Path directory = target instanceof LocalLocation l ? l.path() : null;
        if (directory != null) {
            checkEmpty(directory);
        }
        String location = location(target);
        return run(what, () -> {
            rows.get().write().mode(SaveMode.Append).parquet(location);
            if (directory != null) {
                removeChecksums(directory);
                PrivateFiles.restrictTree(directory); // Hadoop makes them as the umask lets it
            }
            return count ? new ParquetFooters(spark).rows(location) : -1L;
        });
    }

    /**
     * An external table of the catalog: dropping it later leaves the files alone. A table of the same columns is
     * pointed at the new location in one step ({@code ALTER TABLE ... SET LOCATION}, atomic in a metastore), so
     * that a reader through the catalog never finds it missing; anything else is made anew.
     */
    @Override
    public void registerParquetTable(String schema, String name, Location directory) {
        createSchema(schema);
        // With the columns from a footer, Spark need not run a job to find them.
        String location = location(directory);
        StructType columns = run("the columns of " + location, () -> new ParquetFooters(spark).schema(location));
        String kind = kindOf(schema, name);
        if ("TABLE".equals(kind) && columns != null && columns.toDDL().equals(columnsOf(schema, name).toDDL())) {
            execute("ALTER TABLE " + qualified(schema, name) + " SET LOCATION " + literal(location));
            return;
        }
        if (kind != null) {
            execute("DROP " + kind + " IF EXISTS " + qualified(schema, name));
        }
        execute("CREATE TABLE " + qualified(schema, name) + (columns == null ? "" : " (" + columns.toDDL() + ")")
                + " USING parquet LOCATION " + literal(location));
    }

    private StructType columnsOf(String schema, String name) {
        return run("DESCRIBE " + schema + "." + name,
                () -> spark.sharedState().externalCatalog().getTable(schema, name).schema());
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
        String kind = kindOf(schema, name);
        if (kind != null) {
            execute("DROP " + kind + " IF EXISTS " + qualified(schema, name));
        }
    }

    /** {@code VIEW} or {@code TABLE}, or null when there is no such relation. */
    String kindOf(String schema, String name) {
        return run("DESCRIBE " + schema + "." + name, () -> {
            if (!spark.catalog().databaseExists(schema) || !spark.catalog().tableExists(schema, name)) {
                return null;
            }
            return "VIEW".equals(spark.catalog().getTable(schema, name).tableType()) ? "VIEW" : "TABLE";
        });
    }

    /** The build runs in Spark's tasks (see {@link SparkLatestBuild}). */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == LatestBuild.class ? Optional.of(type.cast(new SparkLatestBuild(this)))
                : EngineSession.super.capability(type);
    }

    @Override
    public void cancel() {
        cancelled = true;
        spark.sparkContext().cancelJobGroupAndFutureJobs(jobGroup, "cancelled by mongo-latest");
    }

    /**
     * Spark stays up for the process: the engine's next session uses it, and Spark stops it as the JVM exits.
     * The session stops following its warehouse's commits.
     */
    @Override
    public void close() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    /**
     * Runs {@code statement} (Spark jobs described by {@code sql}) in the session's job group; an error of a
     * task that is the product's own (e.g. an unreadable input file) surfaces unchanged.
     */
    <T> T run(String sql, Callable<T> statement) {
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
            MongoLatestException own = cancelled ? null : ownCause(e);
            throw own != null ? own : failure(e);
        } finally {
            context.clearJobGroup();
        }
    }

    private static MongoLatestException ownCause(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MongoLatestException m && !(t instanceof SqlFailure)) {
                return m;
            }
        }
        return null;
    }

    /** {@code e} as the statement's failure, its message with the data's values masked ({@link QuotedValues}). */
    private SqlFailure failure(Exception e) {
        String message = QuotedValues.masked(message(e));
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
    static String location(Location location) {
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
