package io.mongolatest.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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

    @Option(names = "--product", paramLabel = "DIR",
            description = "Product package folder (see 'product init'). Default: the built-in Mongo Latest product.")
    Path product;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "duckdb",
            description = "SQL engine: duckdb, or spark where its module is installed. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory budget of the run, e.g. 4GB: DuckDB spills to disk beyond it, less a reserve for the JVM;"
                    + " with --engine spark, ./mongo-latest gives it to the JVM as its heap (-Xmx). Default: 2GB.")
    String memory;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "With --engine spark: local[N] (N task threads here), local[*], spark://HOST:PORT (a standalone"
                    + " cluster) or yarn. Default: local[*], or local[N] with --threads N.")
    String sparkMaster;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "With --engine spark: a Spark setting, e.g. spark.executor.memory=4g; repeat for more."
                    + " Default: none (Spark's defaults, and the settings results depend on, which cannot be changed).")
    Map<String, String> sparkConf;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Engine worker threads. Default: one per core.")
    int threads;

    @Option(names = "--max-bad-fraction", paramLabel = "F", defaultValue = "0.001",
            description = "Fraction of bad input lines tolerated before the build fails. Default: ${DEFAULT-VALUE}.")
    double maxBadFraction;

    @Option(names = "--lease-ttl", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long a runner's lease lasts without a heartbeat; a dead runner's run may be taken over after it. Default: ${DEFAULT-VALUE}.")
    Duration leaseTtl;

    @Option(names = "--pushgateway", paramLabel = "URL",
            description = "Prometheus Pushgateway for status metrics. Default: none (nothing is pushed).")
    String pushgateway;

    @Option(names = "--pushgateway-auth-file", paramLabel = "FILE",
            description = "File holding user:password for the Pushgateway's basic auth (or set MONGO_LATEST_PUSHGATEWAY_USER and _PASSWORD).")
    Path pushgatewayAuthFile;

    @Option(names = "--pushgateway-grace", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "How long flush-pushgateway waits before deleting the run's metrics, so the final status gets scraped. Default: ${DEFAULT-VALUE}.")
    Duration pushgatewayGrace;

    @Option(names = "--pushgateway-wipe", paramLabel = "run|global", defaultValue = "run",
            description = "run (default): delete only this run's metric group; global: wipe the whole Pushgateway, as the original did.")
    WipeMode pushgatewayWipe;

    /** The engine's own settings: {@code --spark-conf} pairs, and {@code --spark-master} as {@code spark.master}. */
    Map<String, String> engineProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        if (sparkConf != null) {
            out.putAll(sparkConf);
        }
        if (sparkMaster != null) {
            out.put("spark.master", sparkMaster);
        }
        return out;
    }
}
