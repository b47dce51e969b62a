package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.product.build.BuildLatest;
import io.mongolatest.product.build.Cleanup;
import io.mongolatest.product.build.CollectionReport;
import io.mongolatest.product.build.InputCounts;
import io.mongolatest.product.build.LatestBuild;
import io.mongolatest.product.build.LatestBuildJob;
import io.mongolatest.product.build.LatestSql;
import io.mongolatest.product.build.LineTally;
import io.mongolatest.product.input.CollectionInput;

/**
 * The build on Spark (SPEC §7), a collection at a time, in two passes as on DuckDB. Pass 1: a task per input
 * file (gzip cannot be split) reads it where the task runs, with the same record rules as DuckDB's build
 * ({@link VersionsTask}), into small rows without the documents; Spark picks each id's winner with the same
 * SQL ({@link LatestSql}). Pass 2: the winners go to the task of their file ({@link FilePartitioner}), which
 * reads their lines again ({@link ChosenLinesTask}); Spark writes the rows as the table's Parquet files. Only
 * small rows are shuffled, never the documents, and nothing of the input passes through the driver: the tasks
 * report counts ({@link PerFile}) and write their bad lines beside the tables ({@link QuarantineParts}).
 */
final class SparkLatestBuild implements LatestBuild {
    /** Pass 1's rows: times in microseconds, the id as UTF-8 bytes. */
    static final StructType VERSIONS = new StructType().add("pos", DataTypes.LongType).add("id", DataTypes.BinaryType)
            .add("ts", DataTypes.LongType).add("ts_nanos", DataTypes.IntegerType).add("created", DataTypes.LongType)
            .add("removed", DataTypes.BooleanType);
    /** Pass 2's rows, before they take the latest table's types. */
    static final StructType LINES = new StructType().add("id", DataTypes.BinaryType).add("ts", DataTypes.LongType)
            .add("created", DataTypes.LongType).add("snapshot_type", DataTypes.StringType)
            .add("snapshot_id", DataTypes.StringType).add("val", DataTypes.BinaryType);
    /** The latest table's columns, with the types DuckDB's build gives them (UTC instants, text). */
    private static final String[] OUTPUT = {"CAST(id AS STRING) AS id", "timestamp_micros(ts) AS last_modified",
        "timestamp_micros(created) AS created", "snapshot_type", "snapshot_id", "CAST(val AS STRING) AS val"};
    /** The tasks' parts of the quarantine, beside the tables, where every task can write. */
    static final String TASK_FILES = BuildLatest.SCRATCH + "/tasks";

    private final SparkSqlSession session;

    SparkLatestBuild(SparkSqlSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public List<CollectionReport> build(LatestBuildJob job) {
        job.files().deleteTree(TASK_FILES); // left by a killed build
        try {
            List<CollectionReport> reports = new ArrayList<>();
            for (CollectionInput c : job.collections()) {
                if (job.cancellation().isCancelled()) {
                    throw new MongoLatestException(ErrorKind.CANCELLED, "cancelled before " + c.key());
                }
                CollectionReport r = build(job, c);
                reports.add(r);
                job.done().accept(r);
            }
            return reports;
        } finally {
            Cleanup.quietly(() -> job.files().deleteTree(TASK_FILES));
        }
    }

    /**
     * One Spark job: pass 1 (a stage of a task per file), the winners (a stage after a shuffle by id), pass 2
     * and the writing of the table (a stage of a task per file, after a shuffle of the winners by file).
     */
    private CollectionReport build(LatestBuildJob job, CollectionInput c) {
        String table = c.key().table().table();
        int n = c.files().size();
        SparkSession spark = session.spark();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        QuarantineParts parts = new QuarantineParts(job.files(), TASK_FILES + "/" + table);
        List<FileToRead> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(new FileToRead(i, c.files().get(i), parts.part(i)));
        }
        PerFile<LineTally> tallies = new PerFile<>();
        context.sc().register(tallies, "line counts of " + c.key());
        PerFile<ChosenCounts> chosen = new PerFile<>();
        context.sc().register(chosen, "latest versions of " + c.key());
        JavaRDD<Row> versions = context.parallelize(files, n).mapPartitions(new VersionsTask(job.roots(), tallies));
        spark.createDataFrame(versions, VERSIONS).createOrReplaceTempView(LatestSql.VERSIONS);
        try {
            // Spark runs the stages before the last one while it plans the rows to write: inside the write's run.
            session.writeParquet("the build of " + c.key(), () -> {
                JavaRDD<Row> lines = spark.sql(LatestSql.WINNERS_SQL).javaRDD()
                        .mapToPair(ChosenVersion::of)
                        .repartitionAndSortWithinPartitions(new FilePartitioner(n))
                        .mapPartitionsWithIndex(new ChosenLinesTask(job.roots(), c.files(), chosen), false);
                return spark.createDataFrame(lines, LINES).selectExpr(OUTPUT);
            }, job.versions().get(table).location(), false);
        } finally {
            Cleanup.quietly(() -> spark.catalog().dropTempView(LatestSql.VERSIONS));
        }
        LineTally tally = new LineTally();
        tallies.all(n).forEach(tally::add);
        ChosenCounts latest = chosen.all(n).stream().reduce(ChosenCounts.ZERO, ChosenCounts::plus);
        parts.mergeInto(job.quarantineFile(c), n);
        InputCounts counted = tally.counts(latest.ids() - latest.removed(), tally.loadedCount() - latest.ids(),
                latest.removed(), latest.rows());
        counted.check(c.key().toString());
        return new CollectionReport(c.key().database(), c.key().collection(), c.key().table().toString(), n, c.bytes(),
                counted);
    }
}
