package io.mongolatest.tables;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/** {@link TableStoreContract} on a SQLite catalog file with the warehouse on S3 (s3proxy). */
@ExtendWith(S3ProxyExtension.class)
class SqliteOnS3TableStoreTest extends CatalogTableStoreContract {
    private final S3ProxyServer s3;

    SqliteOnS3TableStoreTest(S3ProxyServer s3) {
        this.s3 = s3;
    }

    @Override
    protected CatalogFixture newFixture(Path dir) {
        return CatalogFixture.sqliteOnS3(dir, s3);
    }
}
