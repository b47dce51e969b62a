package io.mongolatest.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@link LocalEndpoints#credentialsOrPlaceholder()} by class name, for Iceberg's AWS clients (the catalog
 * property {@code client.credentials-provider}: Iceberg, and Spark's Iceberg catalog, make it through the static
 * {@link #create()}): a catalog or S3 store behind an endpoint gets the credentials the product's own clients get
 * there, and no secret is written into the catalog's properties.
 */
public final class LocalEndpointCredentials implements AwsCredentialsProvider {
    private final AwsCredentialsProvider chain = LocalEndpoints.credentialsOrPlaceholder();

    private LocalEndpointCredentials() {
    }

    public static LocalEndpointCredentials create() {
        return new LocalEndpointCredentials();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return chain.resolveCredentials();
    }
}
