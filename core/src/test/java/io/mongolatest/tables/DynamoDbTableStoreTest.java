package io.mongolatest.tables;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.ledger.DynaliteExtension;
import io.mongolatest.ledger.DynaliteServer;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/** {@link TableStoreContract} on Iceberg's DynamoDB catalog on dynalite, the warehouse on S3 (s3proxy). */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class DynamoDbTableStoreTest extends CatalogTableStoreContract {
    private final DynaliteServer dynamo;
    private final S3ProxyServer s3;

    DynamoDbTableStoreTest(DynaliteServer dynamo, S3ProxyServer s3) {
        this.dynamo = dynamo;
        this.s3 = s3;
    }

    @Override
    protected CatalogFixture newFixture(Path dir) {
        return CatalogFixture.dynamoDb(dynamo, s3);
    }
}
