package io.mongolatest.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(S3ProxyExtension.class)
final class S3ClientsTest {
    /**
     * With an endpoint the configured credentials are used: here the {@code aws.*} system properties, the
     * first place the chain looks (set for this test only, and put back after).
     */
    @Test
    void withAnEndpointUsesTheConfiguredCredentialsAndPathStyle(S3ProxyServer s3) {
        S3Location bucket = s3.createBucket();
        try (SystemPropertyCredentials credentials = SystemPropertyCredentials.of(s3);
                S3Client client = S3Clients.open(s3.endpoint())) {
            S3Objects objects = new S3Objects(client, S3TransferSettings.defaults());
            // Virtual-host style would ask for test-bucket-N.127.0.0.1, which does not resolve.
            objects.put(bucket.resolve("a.json"), new byte[] {'{', '}'});

            assertThat(objects.list(bucket)).extracting(S3ObjectInfo::key).containsExactly("a.json");
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(s3.endpoint());
        }
    }
}
