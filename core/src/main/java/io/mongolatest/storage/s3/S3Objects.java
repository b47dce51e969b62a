package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The object operations that storage on S3 is built from: listing a prefix, streaming reads, uploads,
 * copying or deleting everything under a prefix. Every failure is a
 * {@link MongoLatestException} with one line naming the location.
 */
public final class S3Objects {
    // Calls that move no bulk data must answer in bounded time; transfers are bounded by the socket timeout.
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final AwsRequestOverrideConfiguration BOUNDED =
            AwsRequestOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT).build();

    private final S3Client client;
    private final S3TransferSettings settings;
    private final S3Errors errors;
    private final S3Multipart multipart;

    public S3Objects(S3Client client, S3TransferSettings settings) {
        this.client = requireNonNull(client, "client is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.errors = new S3Errors(client.serviceClientConfiguration().endpointOverride().orElse(null));
        this.multipart = new S3Multipart(client, settings, errors);
    }

    /** Every object below {@code prefix} (all pages), sorted by key. */
    public List<S3ObjectInfo> list(S3Location prefix) {
        requireNonNull(prefix, "prefix is null");
        List<S3ObjectInfo> objects = call("list", prefix.toString(), () -> {
            List<S3ObjectInfo> out = new ArrayList<>();
            client.listObjectsV2Paginator(b -> b.bucket(prefix.bucket()).prefix(prefix.keyPrefix())
                            .maxKeys(settings.listPageSize()).overrideConfiguration(BOUNDED))
                    .contents().forEach(o -> out.add(new S3ObjectInfo(prefix.bucket(), o.key(), o.size(),
                            S3ObjectInfo.unquote(etagOf(o.eTag(), prefix.bucket(), o.key())))));
            return out;
        });
        objects.sort(Comparator.comparing(S3ObjectInfo::key));
        return objects;
    }

    /** Whether any object lies below {@code prefix}: one page of one key, enough to see the bucket answer. */
    public boolean any(S3Location prefix) {
        requireNonNull(prefix, "prefix is null");
        return call("list", prefix.toString(), () -> client.listObjectsV2(b -> b.bucket(prefix.bucket())
                .prefix(prefix.keyPrefix()).maxKeys(1).overrideConfiguration(BOUNDED))).keyCount() > 0;
    }

    /** The names of the "folders" right below {@code prefix} (common prefixes of its keys up to a slash), sorted. */
    public List<String> folders(S3Location prefix) {
        requireNonNull(prefix, "prefix is null");
        List<String> names = call("list", prefix.toString(), () -> {
            List<String> out = new ArrayList<>();
            client.listObjectsV2Paginator(b -> b.bucket(prefix.bucket()).prefix(prefix.keyPrefix()).delimiter("/")
                            .maxKeys(settings.listPageSize()).overrideConfiguration(BOUNDED))
                    .commonPrefixes().forEach(p -> {
                        String below = p.prefix().substring(prefix.keyPrefix().length());
                        out.add(below.substring(0, below.length() - 1));
                    });
            return out;
        });
        names.sort(null);
        return names;
    }

    /**
     * The whole object at {@code location} with its ETag, read in one GET, if there is one: for small objects
     * (a manifest) that a caller then replaces with {@link #putIfMatch}.
     */
    public Optional<S3Bytes> read(S3Location location) {
        requireNonNull(location, "location is null");
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(location.bucket())
                .key(location.key()).overrideConfiguration(BOUNDED))) {
            return Optional.of(new S3Bytes(in.readAllBytes(), S3ObjectInfo.unquote(in.response().eTag())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.translate("read", location.toString(), e);
        } catch (IOException e) {
            throw MongoLatestException.external("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the object at {@code location}; none there is fine. */
    public void delete(S3Location location) {
        requireNonNull(location, "location is null");
        call("delete", location.toString(), () -> client.deleteObject(b -> b.bucket(location.bucket())
                .key(location.key()).overrideConfiguration(BOUNDED)));
    }

    /** The object at {@code location}, if there is one. */
    public Optional<S3ObjectInfo> head(S3Location location) {
        requireNonNull(location, "location is null");
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(location.bucket()).key(location.key())
                    .overrideConfiguration(BOUNDED));
            return Optional.of(new S3ObjectInfo(location.bucket(), location.key(), head.contentLength(),
                    S3ObjectInfo.unquote(head.eTag())));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw errors.translate("read", location.toString(), e);
            }
        } catch (SdkException e) {
            throw errors.translate("read", location.toString(), e);
        }
        // A HEAD answer has no body, so no error code: a missing bucket is told apart by asking for it.
        call("read", location.toString(), () -> client.headBucket(b -> b.bucket(location.bucket())
                .overrideConfiguration(BOUNDED)));
        return Optional.empty();
    }

    /**
     * Streams the object at {@code location}; the caller closes the stream. A read that breaks off resumes
     * where it stopped, from the same version of the object.
     */
    public InputStream open(S3Location location) {
        requireNonNull(location, "location is null");
        return new S3ObjectStream(client, errors, location.bucket(), location.key(), null, 0);
    }

    /**
     * Streams the object as listed: if it was replaced since, with another ETag, this fails instead of
     * reading other bytes than those the listing described.
     */
    public InputStream open(S3ObjectInfo object) {
        return open(object, 0);
    }

    /** Streams the object as listed, from byte {@code offset} on (a ranged GET). */
    public InputStream open(S3ObjectInfo object, long offset) {
        requireNonNull(object, "object is null");
        return new S3ObjectStream(client, errors, object.bucket(), object.key(), object.etag(), offset);
    }

    /** Writes {@code body} to {@code location}, replacing any object there; returns the new ETag. */
    public String put(S3Location location, byte[] body) {
        requireNonNull(location, "location is null");
        requireNonNull(body, "body is null");
        return S3ObjectInfo.unquote(call("write", location.toString(), () -> client.putObject(
                putRequest(location).overrideConfiguration(BOUNDED).build(), RequestBody.fromBytes(body))).eTag());
    }

    /**
     * Uploads the local {@code file} to {@code location}, in parts when it is larger than the multipart
     * threshold (an unfinished multipart upload is aborted); returns the new ETag.
     */
    public String upload(Path file, S3Location location) {
        requireNonNull(file, "file is null");
        requireNonNull(location, "location is null");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (size > settings.multipartThreshold().bytes()) {
            return multipart.upload(file, size, location);
        }
        return S3ObjectInfo.unquote(call("write", location.toString(), () -> client.putObject(
                putRequest(location).build(), RequestBody.fromFile(file))).eTag());
    }

    /**
     * Copies every object below {@code from} to the same relative key below {@code to}, within the store
     * (objects over the multipart threshold in parts); returns how many were copied.
     */
    public int copyPrefix(S3Location from, S3Location to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (from.bucket().equals(to.bucket()) && (from.equals(to) || to.key().startsWith(from.keyPrefix()))) {
            throw new IllegalArgumentException("cannot copy " + from + " into itself (" + to + ")");
        }
        List<S3ObjectInfo> objects = list(from);
        for (S3ObjectInfo object : objects) {
            String target = to.keyPrefix() + object.keyBelow(from);
            String where = "s3://" + to.bucket() + "/" + target;
            if (object.size() > settings.multipartThreshold().bytes()) {
                multipart.copy(object, to.bucket(), target);
            } else {
                call("copy " + object.uri() + " to", where, () -> client.copyObject(b -> b
                        .sourceBucket(object.bucket()).sourceKey(object.key()).copySourceIfMatch(
                                S3ObjectInfo.quote(object.etag()))
                        .destinationBucket(to.bucket()).destinationKey(target)));
            }
        }
        return objects.size();
    }

    /**
     * Deletes every object below {@code prefix}, as many keys a call as a listing page holds (S3 takes at
     * most a thousand); returns how many were deleted.
     */
    public int deletePrefix(S3Location prefix) {
        requireNonNull(prefix, "prefix is null");
        List<S3ObjectInfo> objects = list(prefix);
        int batch = settings.listPageSize();
        for (int start = 0; start < objects.size(); start += batch) {
            List<ObjectIdentifier> keys = objects.subList(start, Math.min(objects.size(), start + batch)).stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            List<S3Error> failed = call("delete objects below", prefix.toString(), () -> client.deleteObjects(b -> b
                    .bucket(prefix.bucket()).delete(d -> d.objects(keys).quiet(true))
                    .overrideConfiguration(BOUNDED))).errors();
            if (!failed.isEmpty()) {
                throw errors.notDeleted(prefix, failed);
            }
        }
        return objects.size();
    }

    /** AWS lists every object with its ETag; a store that does not cannot tell a changed object, so is refused. */
    private String etagOf(String etag, String bucket, String key) {
        if (etag == null || etag.isBlank()) {
            throw MongoLatestException.external("the store listed s3://" + bucket + "/" + key + " without an ETag:"
                    + " mongo-latest needs ETags to tell changed objects apart, and cannot use this store", null);
        }
        return etag;
    }

    private static PutObjectRequest.Builder putRequest(S3Location location) {
        return PutObjectRequest.builder().bucket(location.bucket()).key(location.key());
    }

    private <T> T call(String what, String where, Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw errors.translate(what, where, e);
        }
    }
}
