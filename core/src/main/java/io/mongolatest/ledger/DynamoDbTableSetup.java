package io.mongolatest.ledger;

import static io.mongolatest.ledger.DynamoDbItems.HASH_KEY;
import static io.mongolatest.ledger.DynamoDbItems.RANGE_KEY;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * What {@code ledger init} does to a DynamoDB table: creates it with the original's keys if it is missing,
 * and enables TTL on {@code TimeToExist} unless it is already enabled (or being enabled).
 */
final class DynamoDbTableSetup {
    static final String TTL_ATTRIBUTE = "TimeToExist";
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(5);

    private final DynamoDbClient client;
    private final String table;

    DynamoDbTableSetup(DynamoDbClient client, String table) {
        this.client = requireNonNull(client, "client is null");
        this.table = requireNonNull(table, "table is null");
    }

    /** Creates the table unless it exists, and waits until it is ACTIVE. */
    void createTable() {
        if (!tableExists()) {
            try {
                client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(keyElement(HASH_KEY, KeyType.HASH), keyElement(RANGE_KEY, KeyType.RANGE))
                        .attributeDefinitions(stringAttribute(HASH_KEY), stringAttribute(RANGE_KEY)));
            } catch (ResourceInUseException e) {
                // Another init created it since we looked; wait for it like for our own.
            }
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(table), w -> w.waitTimeout(ACTIVE_TIMEOUT)
                .maxAttempts(Integer.MAX_VALUE).backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofSeconds(2))));
    }

    /**
     * One {@code UpdateTimeToLive} when TTL is off. A store without that operation (an emulator) is a user
     * error that names the way out, never a silent skip.
     */
    void enableTimeToLive(String ledger) {
        if (ttlOn(describeTtl())) {
            return;
        }
        try {
            client.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(TTL_ATTRIBUTE)));
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails() != null && "UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw MongoLatestException.user("ledger " + ledger + " does not support UpdateTimeToLive (an "
                        + "emulator?), so TTL on " + TTL_ATTRIBUTE + " cannot be enabled; to create the table "
                        + "without it, give ledger init --no-ttl", e);
            }
            // Another init may have enabled it since we looked; only then is this fine.
            if (!ttlOn(describeTtl())) {
                throw e;
            }
        }
    }

    private boolean tableExists() {
        try {
            client.describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private TimeToLiveDescription describeTtl() {
        return client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    }

    private static boolean ttlOn(TimeToLiveDescription ttl) {
        return ttl != null && TTL_ATTRIBUTE.equals(ttl.attributeName())
                && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
    }

    private static KeySchemaElement keyElement(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
