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
import io.mongolatest.aws.LocalEndpoints;

import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The ledger in a DynamoDB table shared with the original system (SPEC §6). Every change is one conditional
 * write on {@code Version}; reads are strongly consistent, so a runner always sees the latest write.
 */
public final class DynamoDbLedger implements RunLedger {
    public static final String DEFAULT_TABLE = "data_pipeline_metadata";

    // An unreachable store must fail a command in seconds, not after the SDK's default minutes.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    // DynamoDB's SDK default is 9 attempts; 3 ride out throttling and fail an unreachable store in a second.
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String table;
    private final URI endpoint;
    private final boolean ownsClient;
    private final boolean enableTimeToLive;

    private DynamoDbLedger(DynamoDbClient client, String table, URI endpoint, boolean ownsClient,
            boolean enableTimeToLive) {
        this.client = requireNonNull(client, "client is null");
        this.table = requireNonNull(table, "table is null");
        this.endpoint = endpoint;
        this.ownsClient = ownsClient;
        this.enableTimeToLive = enableTimeToLive;
    }

    /** A ledger on a client the caller built and closes; {@link #init()} enables TTL. */
    public static DynamoDbLedger using(DynamoDbClient client, String table) {
        return new DynamoDbLedger(client, table, null, false, true);
    }

    /** {@link #open(String, URI, boolean)} with TTL enabled by {@link #init()}. */
    public static DynamoDbLedger open(String table, URI endpointOrNull) {
        return open(table, endpointOrNull, true);
    }

    /**
     * A ledger with its own client: AWS default credentials and region, or with {@code endpointOrNull}
     * (a local DynamoDB-compatible server such as dynalite) the configured ones (system properties,
     * environment, profile files) and otherwise {@code us-east-1} with dummy credentials, which local
     * servers accept.
     *
     * @param enableTimeToLive whether {@link #init()} enables TTL on {@code TimeToExist}; false only for
     *                         stores that have no TTL (emulators): their rows never expire
     */
    public static DynamoDbLedger open(String table, URI endpointOrNull, boolean enableTimeToLive) {
        requireNonNull(table, "table is null");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)));
        if (endpointOrNull != null) {
            // Instance metadata is not asked: a local server runs where there is none.
            builder.endpointOverride(endpointOrNull)
                    .region(LocalEndpoints.region())
                    .credentialsProvider(LocalEndpoints.credentialsOrPlaceholder());
        }
        try {
            return new DynamoDbLedger(builder.build(), table, endpointOrNull, true, enableTimeToLive);
        } catch (SdkException e) {
            // In practice no region: the SDK's message lists every provider it asked.
            throw MongoLatestException.user("cannot set up the DynamoDB client for " + table + ": no AWS region "
                    + "configured (set AWS_REGION or a profile region, or give --dynamodb-endpoint)", e);
        }
    }

    /**
     * Creates the table if it is missing and, unless this ledger was opened without it, enables TTL on
     * {@code TimeToExist}.
     */
    @Override
    public void init() {
        DynamoDbTableSetup setup = new DynamoDbTableSetup(client, table);
        call("create the table", () -> {
            setup.createTable();
            return null;
        });
        if (enableTimeToLive) {
            call("enable TTL on " + DynamoDbTableSetup.TTL_ATTRIBUTE, () -> {
                setup.enableTimeToLive(describe());
                return null;
            });
        }
    }

    @Override
    public Optional<LedgerRow> read(RunKey key) {
        Map<String, AttributeValue> item = call("read run " + key,
                () -> client.getItem(b -> b.tableName(table).key(DynamoDbItems.key(key)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbItems.fromItem(item));
    }

    @Override
    public void insert(LedgerRow row) {
        put(row, "insert", Condition.absent());
    }

    @Override
    public void update(LedgerRow row, long expectedVersion) {
        put(row, "update", Condition.version(expectedVersion));
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
            // DynamoDB returns the row the check saw; stores that drop ReturnValuesOnConditionCheckFailure
            // (emulators) return none either way, so a consistent read tells a changed row from a gone one.
            Optional<LedgerRow> now = e.hasItem() && !e.item().isEmpty()
                    ? Optional.of(DynamoDbItems.fromItem(e.item())) : read(key);
            if (now.isPresent()) {
                throw conflict(key, now);
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

    private void put(LedgerRow row, String verb, Condition condition) {
        try {
            call(verb + " run " + row.key(), () -> client.putItem(b -> b.tableName(table)
                    .item(DynamoDbItems.toItem(row))
                    .conditionExpression(condition.expression())
                    .expressionAttributeNames(condition.names())
                    .expressionAttributeValues(condition.values())));
        } catch (ConditionalCheckFailedException e) {
            throw conflict(row.key(), read(row.key()));
        }
    }

    /** A lost condition, saying what the row is now (read consistently), or that it is gone. */
    private static LedgerConflictException conflict(RunKey key, Optional<LedgerRow> now) {
        return new LedgerConflictException("run " + key + now.map(r -> " was changed by another runner (now "
                + r.status() + (r.lease() == null ? "" : ", held by " + r.lease().owner()) + ")")
                .orElse(" is gone: its row was deleted by another runner"));
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
