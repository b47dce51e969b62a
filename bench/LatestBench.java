
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.mongolatest.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.metrics.RunLabels;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.OnFailure;
import io.mongolatest.pipeline.PipelineDefinition;
import io.mongolatest.pipeline.ProductPackage;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOptions;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.pipeline.SnapshotType;
import io.mongolatest.pipeline.StepContext;
import io.mongolatest.pipeline.StepDefinition;
import io.mongolatest.pipeline.StepOutcome;
import io.mongolatest.product.BuildReport;
import io.mongolatest.product.CollectionInput;
import io.mongolatest.product.InputFile;
import io.mongolatest.product.InputSet;
import io.mongolatest.product.MongoArguments;
import io.mongolatest.product.MongoLatestProduct;
import io.mongolatest.product.SnapshotDiscovery;

/**
 * The two measured programs of bench/latest.sh, run in separate processes so that each has its own peak RSS:
 *   build    INPUT WAREHOUSE EXPORT_DATE MEMORY  - the build-latest step, as a run executes it
 *   baseline INPUT OUT EXPORT_DATE MEMORY        - one plain DuckDB query doing the same dedup over the same files
 * Each prints "seconds=<s>" (the build also "records=<input lines>") for the script.
 */
public final class LatestBench {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]).toAbsolutePath();
        LocalDate exportDate = LocalDate.parse(args[3]);
        DataSize memory = DataSize.parse(args[4]);
        if (args[0].equals("build")) {
            build(input, out, exportDate, memory);
        } else {
            baseline(input, out, exportDate, memory);
        }
    }

    private static void build(Path input, Path warehouse, LocalDate exportDate, DataSize memory) throws Exception {
        RunParameters params = MongoArguments.params("bench", exportDate, SnapshotType.INCREMENTAL, input, warehouse);
        StepDefinition step = new StepDefinition("mongo-latest-build", "build-latest", OnFailure.TERMINATE, false);
        ProductPackage pkg = new ProductPackage("bench", new PipelineDefinition("MONGO_LATEST", "1", List.of(step)),
                java.util.Map.of(), "");
        try (EngineSession session = new DuckDbEngine().open(new EngineSettings(warehouse, memory,
                warehouse.resolve(".tmp"), 0, false))) {
            StepContext ctx = new StepContext(step, params, pkg, session, StatusMetrics.none(),
                    new RunLabels("bench", "incremental", exportDate.toString(), "local-bench"), new Cancellation(),
                    List::of, new RunListener() {
                        @Override
                        public void progress(String s, String message) {
                            System.err.println("  " + message);
                        }
                    }, new RunOptions(RunOptions.DEFAULT_LEASE_TTL, Duration.ZERO, false, 0.01));
            long start = System.nanoTime();
            StepOutcome outcome = new MongoLatestProduct().builtins().get("build-latest").run(ctx);
            double seconds = (System.nanoTime() - start) / 1e9;
            BuildReport report = BuildReport.fromJson(outcome.detail());
            System.out.printf(Locale.ROOT, "records=%d seconds=%.3f rows=%d%n", report.totals().lines(), seconds,
                    outcome.rows());
        }
    }

    private static void baseline(Path input, Path out, LocalDate exportDate, DataSize memory) throws Exception {
        InputSet set = SnapshotDiscovery.select(input, exportDate, SnapshotType.INCREMENTAL);
        Files.createDirectories(out);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '" + memory.mebibytes() + "MiB'");
            s.execute("SET temp_directory = '" + out.resolve(".tmp") + "'");
            s.execute("SET preserve_insertion_order = false");
            s.execute("SET TimeZone = 'UTC'");
            long start = System.nanoTime();
            // Per collection, as the build writes a table per collection: the version time from the usual
            // date forms, the id as written, ties to the later file, removals dropped.
            for (CollectionInput coll : set.collections()) {
                String list = coll.files().stream().map(InputFile::path).map(p -> "'" + p + "'")
                        .collect(Collectors.joining(", "));
                s.execute("COPY (SELECT id, last_modified, val FROM (SELECT json ->> '_id' AS id,"
                        + " coalesce(" + date("_lastModifiedDateTime") + ", " + date("createdDateTime")
                        + ", TIMESTAMPTZ '1980-01-01 00:00:00+00') AS last_modified,"
                        + " (json ->> '_removedDateTime') IS NOT NULL OR (json ->> '_removed') IS NOT NULL"
                        + " OR coalesce(json ->> '@type' = 'MONGO_DELETE', false) AS removed,"
                        + " json AS val, filename FROM read_ndjson_objects([" + list + "], filename = true,"
                        + " ignore_errors = true, maximum_object_size = 16777216))"
                        + " QUALIFY row_number() OVER (PARTITION BY id ORDER BY last_modified DESC, filename DESC) = 1"
                        + " AND NOT removed) TO '" + out.resolve(coll.key().table().table() + ".parquet")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "seconds=%.3f%n", seconds);
        }
    }

    private static String date(String field) {
        return "coalesce(try_cast(json ->> '$." + field + ".d_date' AS TIMESTAMPTZ), try_cast(json ->> '$." + field
                + ".\"$date\"' AS TIMESTAMPTZ), try_cast((json ->> '$." + field + "') AS TIMESTAMPTZ))";
    }
}
