package io.mongolatest.ledger;

import static io.mongolatest.ledger.DynamoDbItems.HASH_KEY;
import static io.mongolatest.ledger.DynamoDbItems.RANGE_KEY;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The ledger in a DynamoDB table shared with the original system (SPEC §6). Every change is one conditional
 * write on {@code Version}; reads are strongly consistent, so a runner always sees the latest write.
 */
public final class DynamoDbLedger implements RunLedger {
    public static final String DEFAULT_TABLE = "data_pipeline_metadata";
    static final String TTL_ATTRIBUTE = "TimeToExist";

    // An unreachable store must fail a command in seconds, not after the SDK's default minutes.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    // DynamoDB's SDK default is 9 attempts; 3 ride out throttling and fail an unreachable store in a second.
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(5);

    private final DynamoDbClient client;
    private final String table;
    private final URI endpoint;
    private final boolean ownsClient;

    private DynamoDbLedger(DynamoDbClient client, String table, URI endpoint, boolean ownsClient) {
        this.client = requireNonNull(client, "client is null");
        this.table = requireNonNull(table, "table is null");
        this.endpoint = endpoint;
        this.ownsClient = ownsClient;
    }

    /** A ledger on a client the caller built and closes. */
    public static DynamoDbLedger using(DynamoDbClient client, String table) {
        return new DynamoDbLedger(client, table, null, false);
    }

    /**
     * A ledger with its own client: AWS default credentials and region, or with {@code endpointOrNull}
     * (DynamoDB Local) the configured ones (system properties, environment, profile files) and otherwise
     * {@code us-east-1} with dummy credentials, which DynamoDB Local accepts.
     */
    public static DynamoDbLedger open(String table, URI endpointOrNull) {
        requireNonNull(table, "table is null");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)));
        if (endpointOrNull != null) {
            // Instance metadata is not asked: DynamoDB Local runs where there is none.
            builder.endpointOverride(endpointOrNull)
                    .region(configuredRegion().orElse(Region.US_EAST_1))
                    .credentialsProvider(AwsCredentialsProviderChain.builder().credentialsProviders(
                            SystemPropertyCredentialsProvider.create(),
                            EnvironmentVariableCredentialsProvider.create(),
                            ProfileCredentialsProvider.create(),
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                            .build());
        }
        try {
            return new DynamoDbLedger(builder.build(), table, endpointOrNull, true);
        } catch (SdkException e) {
            // In practice no region: the SDK's message lists every provider it asked.
            throw MongoLatestException.user("cannot set up the DynamoDB client for " + table + ": no AWS region "
                    + "configured (set AWS_REGION or a profile region, or give --dynamodb-endpoint)", e);
        }
    }

    @Override
    public void init() {
        call("create the table", () -> {
            if (!tableExists()) {
                try {
                    client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(keyElement(HASH_KEY, KeyType.HASH), keyElement(RANGE_KEY, KeyType.RANGE))
                            .attributeDefinitions(stringAttribute(HASH_KEY), stringAttribute(RANGE_KEY)));
                } catch (ResourceInUseException e) {
                    // Another init created it since we looked; wait for it like for our own.
                }
            }
            return client.waiter().waitUntilTableExists(b -> b.tableName(table), w -> w.waitTimeout(ACTIVE_TIMEOUT)
                    .maxAttempts(Integer.MAX_VALUE).backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofSeconds(2))));
        });
        call("enable TTL on " + TTL_ATTRIBUTE, () -> {
            if (ttlOn(describeTtl())) {
                return null;
            }
            try {
                return client.updateTimeToLive(b -> b.tableName(table)
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName(TTL_ATTRIBUTE)));
            } catch (DynamoDbException e) {
                // Another init may have enabled it since we looked; only then is this fine.
                if (ttlOn(describeTtl())) {
                    return null;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<LedgerRow> read(RunKey key) {
        Map<String, AttributeValue> item = call("read run " + key,
                () -> client.getItem(b -> b.tableName(table).key(DynamoDbItems.key(key)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbItems.fromItem(item));
    }

    @Override
    public void insert(LedgerRow row) {
        put(row, "insert", Condition.absent(), "was created by another runner");
    }

    @Override
    public void update(LedgerRow row, long expectedVersion) {
        put(row, "update", Condition.version(expectedVersion), "was changed by another runner");
    }

    @Override
    public boolean delete(RunKey key, long expectedVersion) {
        Condition condition = Condition.version(expectedVersion);
        try {
            call("delete run " + key, () -> client.deleteItem(b -> b.tableName(table)
                    .key(DynamoDbItems.key(key))
                    .conditionExpression(condition.expression())
                    .expressionAttributeNames(condition.names())
                    .expressionAttributeValues(condition.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // The failed check returns the row it saw: none means there was nothing to delete.
            if (e.hasItem() && !e.item().isEmpty()) {
                throw new LedgerConflictException("run " + key + " was changed by another runner");
            }
            return false;
        }
    }

    @Override
    public List<LedgerRow> list(String dataProduct) {
        requireNonNull(dataProduct, "dataProduct is null");
        List<LedgerRow> rows = call("list runs", () -> {
            List<LedgerRow> out = new ArrayList<>();
            client.scanPaginator(b -> b.tableName(table).consistentRead(true)
                            .filterExpression("#p = :p")
                            .expressionAttributeNames(Map.of("#p", RANGE_KEY))
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(dataProduct))))
                    .items().forEach(item -> out.add(DynamoDbItems.fromItem(item)));
            return out;
        });
        rows.sort(Comparator.comparing(r -> r.key().correlationId()));
        return rows;
    }

    @Override
    public String describe() {
        return "dynamodb:" + table + (endpoint == null ? "" : " @ " + endpoint);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private void put(LedgerRow row, String verb, Condition condition, String lost) {
        try {
            call(verb + " run " + row.key(), () -> client.putItem(b -> b.tableName(table)
                    .item(DynamoDbItems.toItem(row))
                    .conditionExpression(condition.expression())
                    .expressionAttributeNames(condition.names())
                    .expressionAttributeValues(condition.values())));
        } catch (ConditionalCheckFailedException e) {
            throw new LedgerConflictException("run " + row.key() + " " + lost);
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

    private static KeySchemaElement keyElement(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private TimeToLiveDescription describeTtl() {
        return client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    }

    private static boolean ttlOn(TimeToLiveDescription ttl) {
        return ttl != null && TTL_ATTRIBUTE.equals(ttl.attributeName())
                && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
    }

    /** Runs one SDK call, turning its failures into this tool's errors; a lost condition passes through. */
    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (ResourceNotFoundException e) {
            throw MongoLatestException.user("DynamoDB table " + table + " does not exist; create it with: "
                    + "mongo-latest ledger init --ledger dynamodb:" + table, e);
        } catch (ApiCallTimeoutException e) {
            throw MongoLatestException.external("ledger " + describe() + ": cannot " + what + ": no answer within "
                    + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (SdkException e) {
            throw MongoLatestException.external("ledger " + describe() + ": cannot " + what + ": " + oneLine(e), e);
        }
    }

    private static Optional<Region> configuredRegion() {
        try {
            return Optional.of(new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                    new AwsProfileRegionProvider()).getRegion());
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private static String oneLine(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    /** A condition expression on the stored row, with its placeholders. */
    private record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        static Condition absent() {
            return new Condition("attribute_not_exists(#k)", Map.of("#k", HASH_KEY), null);
        }

        /** The row exists at that version; 0 also matches the original's rows, which have no {@code Version}. */
        static Condition version(long expected) {
            return new Condition(expected == 0 ? "attribute_exists(#k) AND (attribute_not_exists(#v) OR #v = :v)"
                    : "attribute_exists(#k) AND #v = :v", Map.of("#k", HASH_KEY, "#v", "Version"),
                    Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
        }
    }
}
