package io.mongolatest.tables;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.aws.MotoServer;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/**
 * {@link TableStoreContract} on Iceberg's Glue catalog on moto, the warehouse on S3 (s3proxy). Glue has one
 * catalog per account, so this class has a moto of its own, emptied for each new store.
 */
@ExtendWith(S3ProxyExtension.class)
class GlueTableStoreTest extends CatalogTableStoreContract {
    private static MotoServer moto;
    private final S3ProxyServer s3;

    GlueTableStoreTest(S3ProxyServer s3) {
        this.s3 = s3;
    }

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }


    @Override
    protected CatalogFixture newFixture(Path dir) {
        moto.reset();
        return CatalogFixture.glue(moto, s3);
    }
}
