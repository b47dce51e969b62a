package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

/**
 * An object of an input store, as listed.
 *
 * @param relativePath the path below the store's root, segments separated by {@code /}
 * @param size         bytes
 * @param identity     what changes when the content does: the ETag on S3, size and modification time locally
 */
public record StoredObject(String relativePath, long size, String identity) implements java.io.Serializable {
    public StoredObject {
        RelativePaths.segments(requireNonNull(relativePath, "relativePath is null"));
        requireNonNull(identity, "identity is null");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    public String name() {
        return RelativePaths.name(relativePath);
    }
}
