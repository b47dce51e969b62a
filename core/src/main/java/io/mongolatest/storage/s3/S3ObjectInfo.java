package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

/**
 * One stored object as S3 lists it: its bucket and key (any key S3 holds, even one {@link S3Location} would
 * refuse), its size in bytes and its ETag without the quotes S3 puts around it. Size and ETag together tell
 * whether an object changed since it was last seen.
 */
public record S3ObjectInfo(String bucket, String key, long size, String etag) {
    public S3ObjectInfo {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(key, "key is null");
        requireNonNull(etag, "etag is null");
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }

    /** {@code s3://bucket/key}. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    /** The key relative to {@code prefix}, which this object must be below. */
    public String keyBelow(S3Location prefix) {
        requireNonNull(prefix, "prefix is null");
        String start = prefix.keyPrefix();
        if (!prefix.bucket().equals(bucket) || !key.startsWith(start)) {
            throw new IllegalArgumentException(uri() + " is not below " + prefix);
        }
        return key.substring(start.length());
    }

    static String unquote(String etag) {
        requireNonNull(etag, "etag is null");
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    static String quote(String etag) {
        return "\"" + unquote(etag) + "\"";
    }
}
