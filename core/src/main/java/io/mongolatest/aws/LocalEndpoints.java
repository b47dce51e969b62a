package io.mongolatest.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * What an AWS client needs when it talks to an endpoint given on the command line (an S3-compatible store,
 * a DynamoDB-compatible server, a stand-in for EMR) rather than to AWS: the configured region or
 * {@code us-east-1}, and credentials from system properties, the environment and profile files. Instance
 * and container metadata are never asked: such servers run where there is none.
 */
public final class LocalEndpoints {
    private LocalEndpoints() {
    }

    /** {@code AWS_REGION} / {@code aws.region}, else the profile's region, else {@code us-east-1}. */
    public static Region region() {
        return configuredRegion().orElse(Region.US_EAST_1);
    }

    /** The configured credentials; none found fails when they are resolved. */
    public static AwsCredentialsProvider credentials() {
        return chain(false);
    }

    /**
     * The configured credentials, else a placeholder pair, which servers that check no signatures (dynalite,
     * a stub) accept.
     */
    public static AwsCredentialsProvider credentialsOrPlaceholder() {
        return chain(true);
    }

    private static AwsCredentialsProvider chain(boolean placeholder) {
        List<AwsCredentialsProvider> providers = new ArrayList<>(List.of(SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create(), ProfileCredentialsProvider.create()));
        if (placeholder) {
            providers.add(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return AwsCredentialsProviderChain.builder().credentialsProviders(providers).build();
    }

    /** The region AWS's own endpoints would be reached in, when one is configured. */
    public static Optional<Region> configuredRegion() {
        try {
            return Optional.of(new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                    new AwsProfileRegionProvider()).getRegion());
        } catch (SdkException e) {
            return Optional.empty();
        }
    }
}
