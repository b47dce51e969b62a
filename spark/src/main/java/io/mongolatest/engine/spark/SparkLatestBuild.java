package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.Cleanup;
import io.mongolatest.latest.CollectionReport;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.latest.LatestBuildJob;
import io.mongolatest.latest.LatestSql;
import io.mongolatest.latest.LineTally;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.tables.TableAt;
import io.mongolatest.tables.TableChange;

/**
 * The build on Spark (SPEC §7), a collection at a time, in two passes as on DuckDB. Pass 1: a task per input
 * file (gzip cannot be split) reads it where the task runs, with the same record rules as DuckDB's build
 * ({@link VersionsTask}), into small rows without the documents; Spark picks each id's winner with the same
 * SQL ({@link LatestSql}). Pass 2: the winners go to the task of their file ({@link FilePartitioner}), which
 * reads their lines again ({@link ChosenLinesTask}); Spark writes the rows as the table's Iceberg data files,
 * uncommitted. Only small rows are shuffled, never the documents, and nothing of the input passes through the driver: the tasks
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
    /**
     * The kept state as both engines write and read it: the winners, removals included, with the id as text and
     * the times as instants, as DuckDB's build keeps them.
     */
    private static final String[] STATE = {"pos", "CAST(id AS STRING) AS id", "timestamp_micros(ts) AS ts", "ts_nanos",
        "timestamp_micros(created) AS created", "removed"};
    /** A kept state's rows as pass 1's ({@link #VERSIONS}). */
    private static final String[] KEPT_AS_VERSIONS = {"pos", "CAST(id AS BINARY) AS id", "unix_micros(ts) AS ts",
        "CAST(ts_nanos AS INT) AS ts_nanos", "unix_micros(created) AS created", "removed"};
    /** The tasks' parts of the quarantine, beside the tables, where every task can write. */
    static final String TASK_FILES = LatestBuildJob.SCRATCH + "/tasks";

    private final SparkSqlSession session;

    SparkLatestBuild(SparkSqlSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public List<BuiltCollection> build(LatestBuildJob job) {
        job.files().deleteTree(TASK_FILES); // left by a killed build
        try {
            List<BuiltCollection> reports = new ArrayList<>();
            for (CollectionInput c : job.collections()) {
                if (job.cancellation().isCancelled()) {
                    throw new MongoLatestException(ErrorKind.CANCELLED, "cancelled before " + c.key());
                }
                BuiltCollection r = build(job, c);
                reports.add(r);
                job.progress().done(r.report());
            }
            return reports;
        } finally {
            Cleanup.quietly(() -> job.files().deleteTree(TASK_FILES));
        }
    }

    /**
     * Pass 1 over the files not read before (all of them without a kept state), the winners over their
     * versions and the kept ones, written as the new kept state; pass 2 over the same files for the winners
     * found in them, and, for a delta, the rows of the earlier table whose id has no newer winner.
     */
    private BuiltCollection build(LatestBuildJob job, CollectionInput c) {
        String table = c.key().table().table();
        int n = c.files().size();
        Optional<LatestBuildJob.Kept> kept = Optional.ofNullable(job.kept().get(table));
        int first = kept.map(LatestBuildJob.Kept::files).orElse(0);
        long boundary = (long) first << InputLines.LINE_BITS;
        SparkSession spark = session.spark();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        QuarantineParts parts = new QuarantineParts(job.files(), TASK_FILES + "/" + table);
        List<FileToRead> files = new ArrayList<>();
        for (int i = first; i < n; i++) {
            files.add(new FileToRead(i, c.files().get(i), parts.part(i)));
        }
        PerFile<LineTally> tallies = new PerFile<>();
        context.sc().register(tallies, "line counts of " + c.key());
        JavaRDD<Row> read = context.parallelize(files, Math.max(1, files.size()))
                .mapPartitions(new VersionsTask(job.roots(), tallies));
        Dataset<Row> versions = spark.createDataFrame(read, VERSIONS);
        if (kept.isPresent()) {
            versions = versions.unionByName(at(kept.get().state()).selectExpr(KEPT_AS_VERSIONS));
        }
        versions.createOrReplaceTempView(LatestSql.VERSIONS);
        Dataset<Row> winners = spark.sql(LatestSql.WINNERS_SQL).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // The kept state first: its job runs pass 1 and the winners, which the table's job then reads cached.
            TableChange state = session.writeTable(LatestBuildJob.stateTable(c), "the kept state of " + c.key(),
                    () -> winners.selectExpr(STATE));
            Row found = winners.selectExpr("count(*)", "count_if(removed)").first();
            long ids = found.getLong(0);
            long removed = found.getLong(1);
            job.progress().versionsRead(c);
            TableChange latest = session.writeTable(c.key().table(), "the build of " + c.key(), () -> {
                JavaRDD<Row> lines = winners.where("pos >= " + boundary + " AND NOT removed").javaRDD()
                        .mapToPair(ChosenVersion::of)
                        .repartitionAndSortWithinPartitions(new FilePartitioner(n))
                        .mapPartitionsWithIndex(new ChosenLinesTask(job.roots(), c.files()), false);
                Dataset<Row> rows = spark.createDataFrame(lines, LINES).selectExpr(OUTPUT);
                return kept.isEmpty() ? rows : rows.unionByName(unchanged(kept.get(), winners, boundary));
            });
            LineTally tally = new LineTally();
            tallies.all(first, n).forEach(tally::add);
            parts.mergeInto(job.quarantineFile(c), first, n);
            return new BuiltCollection(CollectionReport.of(c, tally, kept, ids, removed, latest.rows()), latest, state);
        } finally {
            winners.unpersist();
            Cleanup.quietly(() -> spark.catalog().dropTempView(LatestSql.VERSIONS));
        }
    }

    /** The earlier table's rows whose document has no winner in the files read now: they are still the latest. */
    private Dataset<Row> unchanged(LatestBuildJob.Kept kept, Dataset<Row> winners, long boundary) {
        Dataset<Row> renewed = winners.where("pos >= " + boundary).selectExpr("CAST(id AS STRING) AS renewed_id");
        Dataset<Row> earlier = at(kept.latest());
        return earlier.join(renewed, earlier.col("id").equalTo(renewed.col("renewed_id")), "left_anti");
    }

    /** A table an earlier build kept, at the snapshot it committed, through Iceberg's Spark reader. */
    private Dataset<Row> at(TableAt table) {
        return session.spark().sql("SELECT * FROM " + session.tableAt(table.table(), table.snapshotId()));
    }
}
