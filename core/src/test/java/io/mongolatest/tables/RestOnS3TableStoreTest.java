package io.mongolatest.tables;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/**
 * {@link TableStoreContract} on Iceberg's REST catalog (its own adapter and servlet, over SQLite) with the
 * warehouse on S3 (s3proxy).
 */
@ExtendWith(S3ProxyExtension.class)
class RestOnS3TableStoreTest extends CatalogTableStoreContract {
    private final S3ProxyServer s3;

    RestOnS3TableStoreTest(S3ProxyServer s3) {
        this.s3 = s3;
    }

    @Override
    protected CatalogFixture newFixture(Path dir) {
        return CatalogFixture.restOnS3(dir, s3);
    }
}
