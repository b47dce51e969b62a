package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;

/**
 * Where and how to run Spark ({@code --spark-master}, {@code --spark-conf key=value}).
 *
 * @param master  {@code local}, {@code local[N]}, {@code local[*]}, {@code spark://host:port} or {@code yarn}
 * @param appName the application name the cluster shows
 * @param confs   Spark settings given by the user, in the order given; the ones the product's results depend
 *                on ({@link SparkSessions#FIXED}) cannot be among them
 */
public record SparkSettings(String master, String appName, Map<String, String> confs) {
    public static final String DEFAULT_MASTER = "local[*]";
    public static final String DEFAULT_APP_NAME = "mongo-latest";
    /** The property that names the master, as Spark's own configuration calls it. */
    public static final String MASTER_KEY = "spark.master";
    private static final Pattern MASTER = Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]*)(,[0-9]+)?]|spark://[^\\s/]+(:[0-9]+)?(,[^\\s/]+(:[0-9]+)?)*|yarn");
    private static final Pattern LOCAL_THREADS = Pattern.compile("local\\[([1-9][0-9]*)(,[0-9]+)?]");

    public SparkSettings {
        requireNonNull(master, "master is null");
        requireNonNull(appName, "appName is null");
        requireNonNull(confs, "confs is null");
        if (!MASTER.matcher(master).matches()) {
            throw MongoLatestException.user("invalid --spark-master '" + master
                    + "': expected local[N], local[*], spark://host:port or yarn");
        }
        if (appName.isBlank()) {
            throw MongoLatestException.user("the Spark application name is empty");
        }
        for (String key : confs.keySet()) {
            if (SparkSessions.FIXED.containsKey(key)) {
                throw MongoLatestException.user("--spark-conf " + key + " cannot be changed: mongo-latest needs "
                        + key + "=" + SparkSessions.FIXED.get(key) + " for results equal to DuckDB's");
            }
        }
        confs = Collections.unmodifiableMap(new LinkedHashMap<>(confs));
    }

    /** Local Spark on every core, no extra settings. */
    public static SparkSettings defaults() {
        return new SparkSettings(DEFAULT_MASTER, DEFAULT_APP_NAME, Map.of());
    }

    /** Settings from the command line: {@code keyValues} are {@code --spark-conf} values, {@code key=value}. */
    public static SparkSettings of(String master, List<String> keyValues) {
        Map<String, String> confs = new LinkedHashMap<>();
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            String key = eq < 0 ? "" : kv.substring(0, eq).strip();
            if (!key.startsWith("spark.") || key.length() == "spark.".length()) {
                throw MongoLatestException.user("invalid --spark-conf '" + kv + "': expected spark.<name>=<value>");
            }
            confs.put(key, kv.substring(eq + 1).strip());
        }
        return new SparkSettings(master, DEFAULT_APP_NAME, confs);
    }

    /**
     * Settings from an engine's properties ({@link io.mongolatest.engine.EngineSettings#properties()}):
     * {@code spark.master} is the master (default {@link #DEFAULT_MASTER}, or {@code local[threads]} when
     * {@code threads} is positive), every other key a Spark setting.
     */
    public static SparkSettings fromProperties(Map<String, String> properties, int threads) {
        Map<String, String> confs = new LinkedHashMap<>();
        String master = threads > 0 ? "local[" + threads + "]" : DEFAULT_MASTER;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey().equals(MASTER_KEY)) {
                master = e.getValue();
            } else {
                confs.put(e.getKey(), e.getValue());
            }
        }
        List<String> keyValues = confs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        return of(master, keyValues);
    }

    public boolean local() {
        return master.startsWith("local");
    }

    /** The task threads of a local master; 0 when not local. */
    public int localThreads() {
        if (master.equals("local")) {
            return 1;
        }
        if (master.startsWith("local[*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        var m = LOCAL_THREADS.matcher(master);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether the driver and the executors all run on this machine's loopback interface. */
    public boolean loopback() {
        return local() || master.startsWith("spark://127.0.0.1:") || master.startsWith("spark://localhost:");
    }

    public SparkSettings withAppName(String name) {
        return new SparkSettings(master, name, confs);
    }

    public SparkSettings withConf(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(confs);
        more.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return new SparkSettings(master, appName, more);
    }
}
