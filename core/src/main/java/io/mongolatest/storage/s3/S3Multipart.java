package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads, one part after another: from a local file, or copied within the store from another
 * object. An upload that fails is aborted, so that no invisible parts are left to be paid for.
 */
final class S3Multipart {
    private final S3Client client;
    private final S3TransferSettings settings;
    private final S3Errors errors;

    S3Multipart(S3Client client, S3TransferSettings settings, S3Errors errors) {
        this.client = requireNonNull(client, "client is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    /** Uploads {@code size} bytes of {@code file} in parts; returns the new ETag. */
    String upload(Path file, long size, S3Location target) {
        long partSize = settings.partSizeFor(size);
        return run(target.bucket(), target.key(), "write", (uploadId, parts) -> {
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                long length = Math.min(partSize, size - offset);
                long from = offset;
                // A provider, not a stream: a retried part reads its slice of the file again.
                UploadPartResponse part = client.uploadPart(b -> b.bucket(target.bucket()).key(target.key())
                        .uploadId(uploadId).partNumber(number).contentLength(length),
                        RequestBody.fromContentProvider(() -> slice(file, from, length), length,
                                "application/octet-stream"));
                parts.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
                        .checksumCRC32(part.checksumCRC32()).build());
            }
        });
    }

    /** Copies {@code source} to {@code bucket}/{@code key} in parts; returns the new ETag. */
    String copy(S3ObjectInfo source, String bucket, String key) {
        long partSize = settings.partSizeFor(source.size());
        return run(bucket, key, "copy " + source.uri() + " to", (uploadId, parts) -> {
            for (long offset = 0; offset < source.size(); offset += partSize) {
                int number = parts.size() + 1;
                String range = "bytes=" + offset + "-" + (Math.min(offset + partSize, source.size()) - 1);
                CopyPartResult part = client.uploadPartCopy(b -> b.sourceBucket(source.bucket())
                        .sourceKey(source.key()).copySourceIfMatch(S3ObjectInfo.quote(source.etag()))
                        .copySourceRange(range).destinationBucket(bucket).destinationKey(key)
                        .uploadId(uploadId).partNumber(number)).copyPartResult();
                parts.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
                        .checksumCRC32(part.checksumCRC32()).build());
            }
        });
    }

    /** Sends the parts of one upload. */
    private interface Parts {
        void send(String uploadId, List<CompletedPart> parts);
    }

    private String run(String bucket, String key, String what, Parts sender) {
        String where = "s3://" + bucket + "/" + key;
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        } catch (SdkException e) {
            throw errors.translate(what, where, e);
        }
        try {
            List<CompletedPart> parts = new ArrayList<>();
            sender.send(uploadId, parts);
            return S3ObjectInfo.unquote(client.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts))).eTag());
        } catch (SdkException e) {
            abort(bucket, key, uploadId, e);
            throw errors.translate(what, where, e);
        } catch (RuntimeException | Error e) {
            abort(bucket, key, uploadId, e);
            throw e;
        }
    }

    private void abort(String bucket, String key, String uploadId, Throwable failure) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // The first failure is the one to report; a bucket lifecycle rule may still clean up.
            failure.addSuppressed(e);
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new LimitedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads at most {@code remaining} bytes of another stream. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        LimitedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
