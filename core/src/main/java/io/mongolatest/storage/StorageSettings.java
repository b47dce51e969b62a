package io.mongolatest.storage;

import java.net.URI;

/**
 * How to reach stores that are not local.
 *
 * @param s3Endpoint an S3-compatible endpoint ({@code --s3-endpoint}), or null for AWS itself
 */
public record StorageSettings(URI s3Endpoint) implements java.io.Serializable {
    public static StorageSettings defaults() {
        return new StorageSettings(null);
    }
}
