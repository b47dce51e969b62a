package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional PUTs ({@code If-None-Match: *}, {@code If-Match: etag}) whose outcome is always known. When an
 * attempt ends without a clear answer (a lost connection, a timeout, a 5xx, a 409 race), the object is read
 * back, which S3's read-after-write consistency makes reliable: holding our bytes, the write landed; holding
 * other bytes, the condition failed; still as expected, nothing landed and the write is tried again. The
 * SDK's own retries are off for these calls, since a blind retry would see its own earlier write as a failed
 * condition. Bodies are taken to be unique to their writer (a manifest naming its run's version, say):
 * another writer's identical bytes are taken for ours, which leaves the same object either way.
 */
final class S3ConditionalWrites {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 3;
    private static final AwsRequestOverrideConfiguration ONCE = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(CALL_TIMEOUT)
            .addPlugin(config -> config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry()).build()))
            .build();

    private final S3Client client;
    private final S3Errors errors;

    S3ConditionalWrites(S3Client client, S3Errors errors) {
        this.client = requireNonNull(client, "client is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    /** Writes {@code body} if the object's ETag is {@code expectedEtag}, or if there is none when it is null. */
    ConditionalPut put(S3Location location, byte[] body, String expectedEtag) {
        requireNonNull(location, "location is null");
        requireNonNull(body, "body is null");
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(location.bucket()).key(location.key())
                .overrideConfiguration(ONCE);
        if (expectedEtag == null) {
            request.ifNoneMatch("*");
        } else {
            request.ifMatch(S3ObjectInfo.quote(expectedEtag));
        }
        SdkException unclear = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                String etag = client.putObject(request.build(), RequestBody.fromBytes(body)).eTag();
                return new ConditionalPut.Written(location, S3ObjectInfo.unquote(etag));
            } catch (S3Exception e) {
                // If-Match on a missing object: NoSuchKey, as on AWS.
                if (e.statusCode() == 412 || "NoSuchKey".equals(S3Errors.errorCode(e))) {
                    return new ConditionalPut.PreconditionFailed(location);
                }
                if (e.statusCode() < 500 && e.statusCode() != 409) {
                    throw errors.translate("write", location.toString(), e);
                }
                unclear = e;
            } catch (SdkClientException e) {
                unclear = e;
            }
            Optional<ConditionalPut> known = outcome(location, body, expectedEtag, unclear);
            if (known.isPresent()) {
                return known.get();
            }
        }
        throw errors.translate("write", location.toString(), unclear);
    }

    /** What an unclear attempt did, read back from the store; empty when nothing landed. */
    private Optional<ConditionalPut> outcome(S3Location location, byte[] body, String expectedEtag,
            SdkException unclear) {
        Optional<Stored> now;
        try {
            now = read(location, body.length);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw unknown(location, unclear, e);
            }
            // A missing bucket or denied access: the real reason, which the unclear attempt did not tell.
            throw errors.translate("write", location.toString(), e);
        } catch (SdkException e) {
            throw unknown(location, unclear, e);
        }
        if (now.isPresent() && Arrays.equals(now.get().body(), body)) {
            return Optional.of(new ConditionalPut.Written(location, now.get().etag()));
        }
        boolean conditionHolds = expectedEtag == null ? now.isEmpty()
                : now.isPresent() && now.get().etag().equals(S3ObjectInfo.unquote(expectedEtag));
        return conditionHolds ? Optional.empty() : Optional.of(new ConditionalPut.PreconditionFailed(location));
    }

    private MongoLatestException unknown(S3Location location, SdkException unclear, SdkException readBack) {
        unclear.addSuppressed(readBack);
        MongoLatestException e = errors.translate("write", location.toString(), unclear);
        return new MongoLatestException(e.kind(), e.getMessage() + " (reading it back failed too: whether it was "
                + "written is unknown)", unclear);
    }

    /** The object now at {@code location}; its bytes only when it is as long as ours, else null. */
    private Optional<Stored> read(S3Location location, int length) {
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(location.bucket())
                .key(location.key()).overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT)))) {
            String etag = S3ObjectInfo.unquote(in.response().eTag());
            if (in.response().contentLength() != length) {
                in.abort();
                return Optional.of(new Stored(null, etag));
            }
            return Optional.of(new Stored(in.readAllBytes(), etag));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw SdkClientException.create("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    private record Stored(byte[] body, String etag) {
    }
}
