package io.mongolatest.tables.iceberg;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogFixture;

/** {@link CatalogCommitContract} on a SQLite file with a warehouse on S3 (s3proxy). */
@ExtendWith({S3ProxyExtension.class})
final class SqliteOnS3CatalogCommitTest extends CatalogCommitContract {
    private final CatalogFixture fixture;

    SqliteOnS3CatalogCommitTest(@TempDir Path dir, S3ProxyServer s3) {
        fixture = CatalogFixture.sqliteOnS3(dir, s3);
    }

    @Override
    protected CatalogFixture fixture() {
        return fixture;
    }
}
