package io.mongolatest.engine.spark;

import static io.mongolatest.engine.spark.SparkSql.identifier;
import static io.mongolatest.engine.spark.SparkSql.qualified;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.apache.iceberg.Schema;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.CommandResult;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.engine.QuotedValues;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.WrittenFile;

/**
 * An engine session on a {@link SparkSession}, which it leaves running when closed. Every statement runs in
 * the session's job group, so that {@link #cancel()} from another thread stops its jobs (interrupting their
 * tasks) and every later one. Its tables are the Iceberg tables of a {@link TableStore}, written as data files
 * ({@link IcebergDataFiles}) and read through Iceberg's Spark catalog ({@link IcebergCatalogConf}); a session of a
 * warehouse is made the warehouse's by {@link SparkCatalog}, which keeps its views there, since Spark's own catalog
 * lives only as long as the process.
 */
final class SparkSqlSession implements EngineSession {
    private final SparkSession spark;
    /** The warehouse's tables; null for a session attached to a Spark with no warehouse of its own. */
    private final TableStore tables;
    private final String jobGroup = "mongo-latest-" + UUID.randomUUID();
    private volatile boolean cancelled;
    /** The tables the product's SQL may read, once confined; null before. */
    private Set<TableName> readable;

    SparkSqlSession(SparkSession spark) {
        this(spark, null);
    }

    SparkSqlSession(SparkSession spark, TableStore tables) {
        this.spark = spark;
        this.tables = tables;
    }

    SparkSession spark() {
        return spark;
    }

    /**
     * Spark cannot keep a session to some folders: the statements themselves are checked from now on
     * ({@link ConfinedStatements}): they read no file by its path ({@code spark.sql.runSQLOnFiles} off too), and
     * of the warehouse's tables only those of {@code readable}, whether named in the Iceberg catalog or as the
     * session's view of a table.
     */
    @Override
    public void confine(List<TableName> readable) {
        spark.conf().set("spark.sql.runSQLOnFiles", "false");
        this.readable = Set.copyOf(readable);
    }

    private void checkConfined(String sql) {
        if (readable != null) {
            ConfinedStatements.refusal(spark, sql, this::mayRead).ifPresent(why -> {
                throw new SqlFailure(why, false, null);
            });
        }
    }

    /**
     * Whether the product's SQL may read the relation {@code parts} names: a table of the Iceberg catalog only if
     * readable, a view of the session that shows a table ({@link IcebergTableViews}) only if that table is, any
     * other relation (the product's own views) as it likes.
     */
    private boolean mayRead(List<String> parts) {
        if (parts.size() == 3 && parts.get(0).equalsIgnoreCase(CatalogSpec.NAME)) {
            return readable.contains(new TableName(parts.get(1), parts.get(2)));
        }
        List<String> inSession = parts.size() == 3 && parts.get(0).equalsIgnoreCase("spark_catalog")
                ? parts.subList(1, 3) : parts;
        if (inSession.size() != 2) {
            return true;
        }
        TableName t = new TableName(inSession.get(0), inSession.get(1));
        return readable.contains(t) || !IcebergTableViews.shows(spark, t);
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

    @Override
    public TableChange writeTable(TableName table, String selectSql) {
        checkConfined(selectSql);
        return writeTable(table, selectSql, () -> spark.sql(selectSql));
    }

    /**
     * Writes the rows {@code rows} gives as the new content of {@code table}, uncommitted: Iceberg data files
     * ({@link IcebergDataFiles}) below the table's data location, which Spark reaches itself (local or S3), with
     * the columns the table store gives them, every one optional as DuckDB's are. {@code what} names the rows.
     */
    TableChange writeTable(TableName table, String what, Supplier<Dataset<Row>> rows) {
        if (tables == null) {
            throw new IllegalStateException("this session has no warehouse to write " + table + " in");
        }
        Dataset<Row> found = run(what, rows::get); // analysed here: a wrong query fails as the session's do
        Schema schema = tables.schemaFor(table, IcebergDataFiles.schemaOf(found));
        List<WrittenFile> written = new IcebergDataFiles(this).write(found, schema, tables.dataLocation(table));
        return tables.replace(table, schema, written);
    }

    @Override
    public void registerTable(TableName table, long snapshotId) {
        IcebergTableViews.show(this, table, snapshotId);
    }

    @Override
    public String tableAt(TableName table, long snapshotId) {
        return IcebergTableViews.source(table) + " VERSION AS OF " + snapshotId;
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

    /** Spark stays up for the process: the engine's next session uses it, and Spark stops it as the JVM exits. */
    @Override
    public void close() {
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
}
