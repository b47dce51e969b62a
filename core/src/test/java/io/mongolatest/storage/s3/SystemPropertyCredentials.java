package io.mongolatest.storage.s3;

import java.util.HashMap;
import java.util.Map;

/**
 * An S3 proxy's credentials in the {@code aws.*} system properties, the first place the SDK's chain (and S3A's
 * endpoint provider) looks, until closed: then the properties are as they were.
 */
public final class SystemPropertyCredentials implements AutoCloseable {
    private static final String[] NAMES = {"aws.accessKeyId", "aws.secretAccessKey"};
    private final Map<String, String> saved = new HashMap<>();

    private SystemPropertyCredentials() {
        for (String name : NAMES) {
            saved.put(name, System.getProperty(name));
        }
    }

    public static SystemPropertyCredentials of(S3ProxyServer s3) {
        SystemPropertyCredentials set = new SystemPropertyCredentials();
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
        return set;
    }

    @Override
    public void close() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
