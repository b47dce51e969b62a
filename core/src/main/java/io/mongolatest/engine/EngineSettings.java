package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.StorageSettings;

/**
 * How to open an engine session.
 *
 * @param warehouse   root of the warehouse the session reads and writes
 * @param memoryLimit the memory a run should stay within ({@code --memory}): the engine spills to
 *                    {@code tempDir} rather than go beyond it, keeping room for the JVM
 * @param tempDir     where the engine spills
 * @param threads     worker threads, 0 for the engine's default
 * @param readOnly    true for sessions that must not change the warehouse (the {@code query} command)
 * @param properties  settings of one engine by name (e.g. Spark's {@code spark.master}): each engine reads the
 *                    ones it knows and refuses the others ({@link SqlEngine#checkProperties})
 * @param storage     how the run reaches stores that are not local ({@code --s3-endpoint}), for an engine that
 *                    reaches them itself
 */
public record EngineSettings(Path warehouse, DataSize memoryLimit, Path tempDir, int threads, boolean readOnly,
                             Map<String, String> properties, StorageSettings storage) {
    /**
     * The memory limit when none is given ({@code --memory}): enough for the build's narrow per-record
     * rows of tens of millions of documents; beyond it the engine spills to {@code tempDir}.
     */
    public static final String DEFAULT_MEMORY_LIMIT_TEXT = "2GiB";
    public static final DataSize DEFAULT_MEMORY_LIMIT = DataSize.parse(DEFAULT_MEMORY_LIMIT_TEXT);

    /** Worker threads when none are given ({@code --threads}): 0, the engine's default of one per core. */
    public static final String DEFAULT_THREADS_TEXT = "0";
    public static final int DEFAULT_THREADS = Integer.parseInt(DEFAULT_THREADS_TEXT);

    /** Below this an engine cannot even hold the build's small per-record rows of one file. */
    public static final DataSize MIN_MEMORY_LIMIT = DataSize.ofMebibytes(128);

    /** Checks every value as a user error: these come straight from options. */
    public EngineSettings {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(tempDir, "tempDir is null");
        requireNonNull(storage, "storage is null");
        properties = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(properties, "properties is null")));
        if (memoryLimit.bytes() < MIN_MEMORY_LIMIT.bytes()) {
            throw MongoLatestException.user("--memory must be at least " + MIN_MEMORY_LIMIT + ", not " + memoryLimit);
        }
        long host = hostMemory();
        if (host > 0 && memoryLimit.bytes() > host) {
            throw MongoLatestException.user("--memory " + memoryLimit + " is more than this host's "
                    + new DataSize(host) + " of memory");
        }
        if (threads < 0 || threads > maxThreads()) {
            throw MongoLatestException.user("--threads must be 0 (one per core) to " + maxThreads()
                    + " (4 per core of this host), not " + threads);
        }
    }

    /** Settings without engine properties. */
    public EngineSettings(Path warehouse, DataSize memoryLimit, Path tempDir, int threads, boolean readOnly) {
        this(warehouse, memoryLimit, tempDir, threads, readOnly, Map.of());
    }

    /** Settings for stores reached with the default settings. */
    public EngineSettings(Path warehouse, DataSize memoryLimit, Path tempDir, int threads, boolean readOnly,
                          Map<String, String> properties) {
        this(warehouse, memoryLimit, tempDir, threads, readOnly, properties, StorageSettings.defaults());
    }

    public static int maxThreads() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    private static long hostMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }
}
