package io.mongolatest.tables.iceberg;

import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.aws.MotoExtension;
import io.mongolatest.aws.MotoServer;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogFixture;

/** {@link CatalogCommitContract} on Iceberg's Glue catalog on moto, the warehouse on S3 (s3proxy). */
@ExtendWith({MotoExtension.class, S3ProxyExtension.class})
final class GlueCatalogCommitTest extends CatalogCommitContract {
    private final CatalogFixture fixture;

    GlueCatalogCommitTest(MotoServer moto, S3ProxyServer s3) {
        fixture = CatalogFixture.glue(moto, s3);
    }

    @Override
    protected CatalogFixture fixture() {
        return fixture;
    }
}
