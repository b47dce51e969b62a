package io.mongolatest.tables.iceberg;

import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.ledger.DynaliteExtension;
import io.mongolatest.ledger.DynaliteServer;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.CatalogFixture;

/** {@link CatalogCommitContract} on Iceberg's DynamoDB catalog on dynalite, the warehouse on S3 (s3proxy). */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
final class DynamoDbCatalogCommitTest extends CatalogCommitContract {
    private final CatalogFixture fixture;

    DynamoDbCatalogCommitTest(DynaliteServer dynamo, S3ProxyServer s3) {
        fixture = CatalogFixture.dynamoDb(dynamo, s3);
    }

    @Override
    protected CatalogFixture fixture() {
        return fixture;
    }
}
