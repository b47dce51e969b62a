package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

import io.mongolatest.MongoLatestException;
import io.mongolatest.aws.LocalEndpoints;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client: on AWS the default credentials and region chains; with an endpoint (an S3-compatible
 * store, {@code --s3-endpoint}) path-style addressing, the configured region or {@code us-east-1}, and the
 * configured credentials. Credentials are looked up here, so that none found is one clear error before any
 * call.
 */
public final class S3Clients {
    // An unreachable store must fail in seconds. No call-wide timeout on the client: a large upload, download
    // or server-side copy may rightly take minutes; a stalled one still fails on the socket timeout.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    // The SDK's S3 default is 3 attempts (standard mode); said here so that it stays bounded.
    private static final int MAX_ATTEMPTS = 3;

    private S3Clients() {
    }

    /**
     * A client with the credentials found where AWS tools look: with no endpoint the whole default chain
     * (including instance and container roles); with one, system properties, environment and profile files.
     */
    public static S3Client open(URI endpointOrNull) {
        return open(endpointOrNull, endpointOrNull == null ? DefaultCredentialsProvider.builder().build()
                : LocalEndpoints.credentials());
    }

    /** A client with the given credentials: a test's, or those an operator configured elsewhere. */
    public static S3Client open(URI endpointOrNull, AwsCredentialsProvider credentials) {
        requireNonNull(credentials, "credentials is null");
        String where = endpointOrNull == null ? "AWS S3" : "S3 at " + endpointOrNull;
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            throw MongoLatestException.user("no AWS credentials found for " + where + ": set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in ~/.aws/credentials", e);
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)))
                .credentialsProvider(credentials);
        if (endpointOrNull != null) {
            // S3-compatible stores seldom have a DNS name per bucket; none has instance metadata to ask.
            builder.endpointOverride(endpointOrNull).forcePathStyle(true)
                    .region(LocalEndpoints.region());
        }
        try {
            return builder.build();
        } catch (SdkException e) {
            // In practice no region: the SDK's message lists every provider it asked.
            throw MongoLatestException.user("cannot set up the client for " + where + ": no AWS region configured "
                    + "(set AWS_REGION or a profile region, or give --s3-endpoint)", e);
        }
    }
}
