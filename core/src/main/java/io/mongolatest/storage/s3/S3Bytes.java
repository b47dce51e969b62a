package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

/** A small object read whole: its bytes and the ETag they had, for a conditional replace. */
public record S3Bytes(byte[] body, String etag) {
    public S3Bytes {
        requireNonNull(body, "body is null");
        requireNonNull(etag, "etag is null");
    }
}
