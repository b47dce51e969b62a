package io.mongolatest.product;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One file of a collection in a snapshot.
 *
 * @param relativePath the path under the input root, as reports and quarantine files name it
 */
public record InputFile(Snapshot snapshot, Path path, String relativePath, long size) {
    public InputFile {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(path, "path is null");
        requireNonNull(relativePath, "relativePath is null");
    }

    public boolean gzip() {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** Whether a file of this name holds documents: {@code .json}, {@code .jsonl}, plain or {@code .gz}. */
    public static boolean isDataFile(String name) {
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".json.gz")
                || name.endsWith(".jsonl.gz");
    }
}
