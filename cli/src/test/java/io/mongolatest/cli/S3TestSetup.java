package io.mongolatest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3Objects;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.storage.s3.SystemPropertyCredentials;

/**
 * What a test class of in-process runs against s3proxy sets up: s3proxy's credentials in the {@code aws.*}
 * system properties, where the SDK's default chain finds them (for this class only: {@link #close} puts back
 * what was there), and an export uploaded from a local folder.
 */
final class S3TestSetup implements AutoCloseable {
    private final SystemPropertyCredentials credentials;

    private S3TestSetup(SystemPropertyCredentials credentials) {
        this.credentials = credentials;
    }

    static S3TestSetup credentialsOf(S3ProxyServer server) {
        return new S3TestSetup(SystemPropertyCredentials.of(server));
    }

    /** Every file under {@code folder} to the same relative key under {@code root}. */
    static void upload(S3Objects objects, Path folder, S3Location root) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                objects.upload(f, root.resolve(folder.relativize(f).toString()));
            }
        }
    }

    @Override
    public void close() {
        credentials.close();
    }
}
