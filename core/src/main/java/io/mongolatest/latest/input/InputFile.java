package io.mongolatest.latest.input;

import static java.util.Objects.requireNonNull;

import io.mongolatest.storage.StoredObject;

/**
 * One file of a collection in a snapshot: a value, opened through the run's input store.
 *
 * @param object the file as the store listed it; its relative path is how reports and quarantine name it
 */
public record InputFile(Snapshot snapshot, StoredObject object) implements java.io.Serializable {
    public InputFile {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(object, "object is null");
    }

    /** The path under the input root, as reports and quarantine files name it. */
    public String relativePath() {
        return object.relativePath();
    }

    public long size() {
        return object.size();
    }

    public boolean gzip() {
        return object.name().endsWith(".gz");
    }

    /** Whether a file of this name holds documents: {@code .json}, {@code .jsonl}, plain or {@code .gz}. */
    public static boolean isDataFile(String name) {
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".json.gz")
                || name.endsWith(".jsonl.gz");
    }
}
