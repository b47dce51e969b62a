package io.mongolatest.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.Engines;
import io.mongolatest.pipeline.RunOptions;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What to run and how: the options of {@code run} and {@code plan}. */
final class RunSpecOptions {
    enum WipeMode { run, global }

    @Option(names = "--correlation-id", paramLabel = "ID", required = true,
            description = "Required. Identifies the run: 1-256 characters of A-Z a-z 0-9 _ . : - (not only dots).")
    String correlationId;

    @Option(names = "--export-date", paramLabel = "YYYY-MM-DD",
            description = "Snapshots dated on or before it are read. Default: today (UTC); a retry of a failed run"
                    + " that was given another date says so.")
    String exportDate;

    @Option(names = "--snapshot-type", paramLabel = "full|incremental",
            description = "full: the newest full snapshot only; incremental (default): it and the incrementals after it.")
    String snapshotType;

    @Option(names = "--input", paramLabel = "DIR", required = true,
            description = "Required. Root of the snapshot export (full/, incremental/): a folder, or s3://bucket/prefix.")
    String input;

    @Option(names = "--warehouse", paramLabel = "DIR",
            description = "Where tables are written: a folder, or s3://bucket/prefix. Default: <state-dir>/warehouse.")
    String warehouse;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "An S3-compatible store to use for s3:// locations instead of AWS S3, e.g. http://127.0.0.1:9000"
                    + " (path-style requests; credentials from the environment or profile files).")
    String s3Endpoint;

    @Option(names = "--product", paramLabel = "DIR",
            description = "Product package folder (see 'product init'). Default: the built-in Mongo Latest product.")
    Path product;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = Engines.DEFAULT_ENGINE,
            description = "SQL engine: duckdb, or spark where its module is installed. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = EngineSettings.DEFAULT_MEMORY_LIMIT_TEXT,
            description = "Memory budget of the run, e.g. 4GiB (MB and GB are read as MiB and GiB): DuckDB spills"
                    + " to disk beyond it, less a reserve for the JVM; with --engine spark, ./mongo-latest gives it to"
                    + " the JVM as its heap (-Xmx). Default: ${DEFAULT-VALUE}.")
    String memory;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "With --engine spark: local[N] (N task threads here), local[*], spark://HOST:PORT (a standalone"
                    + " cluster) or yarn. Default: local[*], or local[N] with --threads N.")
    String sparkMaster;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "With --engine spark: a Spark setting, e.g. spark.executor.memory=4g; repeat for more."
                    + " Default: none (Spark's defaults, and the settings results depend on, which cannot be changed).")
    Map<String, String> sparkConf;

    @Mixin
    CatalogOptions catalog = new CatalogOptions();

    @Option(names = "--spark-catalog", paramLabel = "hive|none", hidden = true,
            description = "Retired: the tables are Iceberg tables in --catalog (glue for the Glue Data Catalog).")
    String sparkCatalog;

    @Option(names = "--threads", paramLabel = "N", defaultValue = EngineSettings.DEFAULT_THREADS_TEXT,
            description = "Engine worker threads, 0 for one per core. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--max-bad-fraction", paramLabel = "F", defaultValue = RunOptions.DEFAULT_MAX_BAD_FRACTION_TEXT,
            description = "Fraction of bad input lines tolerated before the build fails. Default: ${DEFAULT-VALUE}.")
    double maxBadFraction;

    @Option(names = "--full-rebuild",
            description = "Build the latest tables from every selected snapshot, even when the previous completed run's"
                    + " kept state would let the build read only the new incremental snapshots (delta mode).")
    boolean fullRebuild;

    @Option(names = "--lease-ttl", paramLabel = "DURATION", defaultValue = RunOptions.DEFAULT_LEASE_TTL_TEXT,
            converter = DurationConverter.class,
            description = "How long a runner's lease lasts without a heartbeat; a dead runner's run may be taken over after it. Default: ${DEFAULT-VALUE}.")
    Duration leaseTtl;

    @Option(names = "--warehouse-wait", paramLabel = "DURATION", defaultValue = RunOptions.DEFAULT_WAREHOUSE_WAIT_TEXT,
            converter = DurationConverter.class,
            description = "How long a run waits while another run writes the same warehouse (one writer at a time)"
                    + " before it gives up with exit 3, naming that run. Default: ${DEFAULT-VALUE}.")
    Duration warehouseWait;

    @Option(names = "--pushgateway", paramLabel = "URL",
            description = "Prometheus Pushgateway for status metrics. Default: none (nothing is pushed).")
    String pushgateway;

    @Option(names = "--pushgateway-auth-file", paramLabel = "FILE",
            description = "File holding user:password for the Pushgateway's basic auth (or set MONGO_LATEST_PUSHGATEWAY_USER and _PASSWORD).")
    Path pushgatewayAuthFile;

    @Option(names = "--pushgateway-grace", paramLabel = "DURATION",
            defaultValue = RunOptions.DEFAULT_PUSHGATEWAY_GRACE_TEXT, converter = DurationConverter.class,
            description = "How long flush-pushgateway waits before deleting the run's metrics, so the final status gets scraped. Default: ${DEFAULT-VALUE}.")
    Duration pushgatewayGrace;

    @Option(names = "--pushgateway-wipe", paramLabel = "run|global", defaultValue = "run",
            description = "run: delete only this run's metric group; global: wipe the whole Pushgateway, as the"
                    + " original did. Default: ${DEFAULT-VALUE}.")
    WipeMode pushgatewayWipe;

    /** The options as the command line {@code args} gives them, every other one at its default. */
    static RunSpecOptions parse(List<String> args) {
        return CommandLine.populateCommand(new RunSpecOptions(), args.toArray(String[]::new));
    }

    /** The engine's own settings: {@code --spark-conf} pairs, and {@code --spark-master} as {@code spark.master}. */
    Map<String, String> engineProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        if (sparkConf != null) {
            out.putAll(sparkConf);
        }
        if (sparkMaster != null) {
            out.put("spark.master", sparkMaster);
        }
        if (sparkCatalog != null) {
            throw MongoLatestException.user("--spark-catalog is retired: the tables are Iceberg tables in the catalog"
                    + " --catalog names (--catalog glue for the Glue Data Catalog)");
        }
        return out;
    }
}
