package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How to open an engine session.
 *
 * @param warehouse   root of the warehouse the session reads and writes
 * @param memoryLimit the memory a run should stay within ({@code --memory}): the engine spills to
 *                    {@code tempDir} rather than go beyond it, keeping room for the JVM
 * @param tempDir     where the engine spills
 * @param threads     worker threads, 0 for the engine's default
 * @param readOnly    true for sessions that must not change the warehouse (the {@code query} command)
 */
public record EngineSettings(Path warehouse, DataSize memoryLimit, Path tempDir, int threads, boolean readOnly) {
    /**
     * The memory limit when none is given ({@code --memory}): enough for the build's narrow per-record
     * rows of tens of millions of documents; beyond it the engine spills to {@code tempDir}.
     */
    public static final DataSize DEFAULT_MEMORY_LIMIT = DataSize.ofGigabytes(2);

    public EngineSettings {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(tempDir, "tempDir is null");
        if (threads < 0) {
            throw new IllegalArgumentException("threads < 0");
        }
    }
}
