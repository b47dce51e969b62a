package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One object's bytes, streamed from S3 and never held in memory. A read that breaks off (a reset connection,
 * a stalled socket) resumes where it stopped with a ranged GET pinned to the object's ETag, so the stream
 * gives the bytes of one object version or fails, never a mix of two.
 */
final class S3ObjectStream extends InputStream {
    /** Resumes allowed after reads that made no progress; a resume that reads something earns them back. */
    private static final int MAX_RESUMES = 3;

    private final S3Client client;
    private final S3Errors errors;
    private final String bucket;
    private final String key;
    private String etag;
    private long size = -1;
    private long position;
    private int resumesLeft = MAX_RESUMES;
    private ResponseInputStream<GetObjectResponse> current;

    /** Opens the object at {@code offset}; with {@code etagOrNull}, only while it still has that ETag. */
    S3ObjectStream(S3Client client, S3Errors errors, String bucket, String key, String etagOrNull, long offset) {
        this.client = requireNonNull(client, "client is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.key = requireNonNull(key, "key is null");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
        this.etag = etagOrNull;
        this.position = offset;
        this.current = get();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (current == null) {
                return -1;
            }
            try {
                int n = current.read(buffer, off, len);
                if (n > 0) {
                    position += n;
                    resumesLeft = MAX_RESUMES;
                    return n;
                }
                if (n < 0 && position >= size) {
                    return -1;
                }
                if (n < 0) {
                    throw new IOException("the answer ended at byte " + position + " of " + size);
                }
            } catch (IOException e) {
                if (resumesLeft-- <= 0) {
                    throw new IOException("cannot read s3://" + bucket + "/" + key + " at byte " + position
                            + ": " + e.getMessage(), e);
                }
                current.abort();
                current = get();
            }
        }
    }

    @Override
    public int available() throws IOException {
        return current == null ? 0 : current.available();
    }

    @Override
    public void close() {
        if (current != null) {
            // Closing an unfinished answer would read the rest of it, just to reuse the connection.
            if (position < size) {
                current.abort();
            } else {
                try {
                    current.close();
                } catch (IOException e) {
                    // Nothing was left to read: the connection is simply not reused.
                }
            }
            current = null;
        }
    }

    /** A GET from {@link #position} on: the whole object first, then ranges pinned to its ETag. */
    private ResponseInputStream<GetObjectResponse> get() {
        if (size >= 0 && position >= size) {
            return null;
        }
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(key)
                    .ifMatch(etag == null ? null : S3ObjectInfo.quote(etag))
                    .range(position == 0 ? null : "bytes=" + position + "-"));
            if (etag == null) {
                etag = S3ObjectInfo.unquote(in.response().eTag());
            }
            if (size < 0) {
                size = position + in.response().contentLength();
            }
            return in;
        } catch (SdkException e) {
            throw errors.translate("read", "s3://" + bucket + "/" + key, e);
        }
    }
}
