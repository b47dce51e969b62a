package io.mongolatest.tables.iceberg;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogFixture;

/** {@link CatalogCommitContract} on Iceberg's REST catalog (its own adapter and servlet over SQLite), the warehouse on S3 (s3proxy). */
@ExtendWith({S3ProxyExtension.class})
final class RestOnS3CatalogCommitTest extends CatalogCommitContract {
    private final CatalogFixture fixture;

    RestOnS3CatalogCommitTest(@TempDir Path dir, S3ProxyServer s3) {
        fixture = CatalogFixture.restOnS3(dir, s3);
    }

    @Override
    protected CatalogFixture fixture() {
        return fixture;
    }
}
