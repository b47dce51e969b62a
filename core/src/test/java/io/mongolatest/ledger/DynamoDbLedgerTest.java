package io.mongolatest.ledger;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract against dynalite, one server for this JVM reached over HTTP on 127.0.0.1, so the ledger's own
 * client (built by {@link DynamoDbLedger#open}) is the one under test. Each test gets a new table. dynalite has
 * no TTL, so these ledgers are opened without it; {@link DynamoDbTimeToLiveTest} covers TTL.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoDbLedgerTest extends RunLedgerContract {
    private static URI endpoint;
    private static DynamoDbClient raw;

    private String table;

    @BeforeAll
    static void connect(DynaliteServer dynalite) {
        endpoint = dynalite.endpoint();
        raw = dynalite.newClient();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    @Override
    protected RunLedger openLedger() {
        table = "ledger-" + UUID.randomUUID();
        DynamoDbLedger ledger = DynamoDbLedger.open(table, endpoint, false);
        ledger.init();
        return ledger;
    }

    @Override
    protected RunLedger openSecondClient() {
        return DynamoDbLedger.open(table, endpoint, false);
    }

    @Test
    void readsAndUpdatesARowWrittenByTheOriginalSystem() {
        long ttlMillis = Instant.parse("2021-04-08T09:00:00Z").toEpochMilli();
        raw.putItem(b -> b.tableName(table).item(Map.ofEntries(
                entry("Correlation_Id", s("generate_snapshots_preprod_4_full")),
                entry("DataProduct", s("MONGO_LATEST")),
                entry("Date", s("2021-04-01")),
                entry("Run_Id", n(1)),
                entry("Status", s("FAILED")),
                entry("CurrentStep", s("executeUpdateAll")),
                entry("Cluster_Id", s("j-2AXXXXXXGAPLF")),
                entry("Snapshot_Type", s("full")),
                entry("S3_Prefix_Snapshots", s("businessdata/mongo/ucdata/2021-04-01/full")),
                entry("S3_Prefix_Analytical_DataSet", s("businessdata/mongo/ucdata/2021-04-01/full/output")),
                entry("TimeToExist", n(ttlMillis)))));
        RunKey key = new RunKey("generate_snapshots_preprod_4_full", "MONGO_LATEST");

        LedgerRow row = ledger.read(key).orElseThrow();
        assertThat(row).isEqualTo(new LedgerRow(key, "2021-04-01", 1, RunStatus.FAILED, "executeUpdateAll",
                "j-2AXXXXXXGAPLF", "full", "businessdata/mongo/ucdata/2021-04-01/full",
                "businessdata/mongo/ucdata/2021-04-01/full/output", ttlMillis, null, null, null, List.of(),
                List.of(), null, 0));
        assertThat(row.expiresAt()).isEqualTo(Instant.parse("2021-04-08T09:00:00Z"));
        assertThat(ledger.list("MONGO_LATEST")).containsExactly(row);

        LedgerRow stale = row.withStatus(RunStatus.IN_PROGRESS).nextVersion(T0);
        assertThatThrownBy(() -> ledger.update(stale, 1)).isInstanceOf(LedgerConflictException.class);
        LedgerRow retry = row.withStatus(RunStatus.IN_PROGRESS).withLease(new Lease("h:1:2", T0)).nextVersion(T0);
        ledger.update(retry, 0);
        assertThat(ledger.read(key)).contains(retry);
        assertThat(rawItem(key).get("Version").n()).isEqualTo("1");
    }

    @Test
    void deletesARowWrittenByTheOriginalSystemAtVersionZero() {
        raw.putItem(b -> b.tableName(table).item(Map.of("Correlation_Id", s("old"), "DataProduct", s("MONGO_LATEST"),
                "Run_Id", n(3), "Status", s("COMPLETED"), "TimeToExist", n(1_617_872_400_000L))));
        RunKey key = new RunKey("old", "MONGO_LATEST");
        assertThatThrownBy(() -> ledger.delete(key, 1)).isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.delete(key, 0)).isTrue();
        assertThat(ledger.read(key)).isEmpty();
    }

    @Test
    void writesTheAttributeNamesAndTypesOfTheSpec() {
        LedgerRow row = sampleRow("corr-raw", 7);
        ledger.insert(row);

        Map<String, AttributeValue> item = rawItem(row.key());
        assertThat(item.keySet()).containsExactlyInAnyOrder("Correlation_Id", "DataProduct", "Date", "Run_Id",
                "Status", "CurrentStep", "Cluster_Id", "Snapshot_Type", "S3_Prefix_Snapshots",
                "S3_Prefix_Analytical_DataSet", "TimeToExist", "Lease_Owner", "Lease_Expires", "Started_At",
                "Updated_At", "Steps", "Attempts", "Plan", "Version");
        assertThat(item.get("Correlation_Id").s()).isEqualTo("corr-raw");
        assertThat(item.get("DataProduct").s()).isEqualTo("MONGO_LATEST");
        assertThat(item.get("Date").s()).isEqualTo("2026-11-19");
        assertThat(item.get("Run_Id").n()).isEqualTo("2");
        assertThat(item.get("Status").s()).isEqualTo("IN_PROGRESS");
        assertThat(item.get("CurrentStep").s()).isEqualTo("mongo-latest-build");
        assertThat(item.get("Cluster_Id").s()).isEqualTo("local-host-42");
        assertThat(item.get("Snapshot_Type").s()).isEqualTo("incremental");
        assertThat(item.get("S3_Prefix_Snapshots").s()).isEqualTo("/data/in");
        assertThat(item.get("S3_Prefix_Analytical_DataSet").s()).isEqualTo("/data/warehouse");
        // Epoch seconds, so that DynamoDB's TTL deletes the row (the original wrote milliseconds).
        assertThat(item.get("TimeToExist").n()).isEqualTo(Long.toString(T0.plus(Duration.ofDays(7)).getEpochSecond()));
        assertThat(item.get("Lease_Owner").s()).isEqualTo("host:42:1700000000000");
        assertThat(item.get("Lease_Expires").n()).isEqualTo(Long.toString(T0.plusSeconds(60).toEpochMilli()));
        assertThat(item.get("Started_At").s()).isEqualTo(T0.toString());
        assertThat(item.get("Updated_At").s()).isEqualTo(T0.plusSeconds(9).toString());
        assertThat(item.get("Version").n()).isEqualTo("7");
        // The plan is a map the step processes of the attempt read back (a cluster's steps included).
        Map<String, AttributeValue> plan = item.get("Plan").m();
        assertThat(plan.get("Start").s()).isEqualTo("RESUME");
        assertThat(plan.get("Resume_Step").s()).isEqualTo("mongo-latest-build");
        assertThat(plan.get("Steps").l()).hasSize(3);

        List<AttributeValue> steps = item.get("Steps").l();
        assertThat(steps).hasSize(3);
        Map<String, AttributeValue> done = steps.get(0).m();
        assertThat(done.keySet()).containsExactlyInAnyOrder("Name", "Status", "Started_At", "Ended_At", "Rows",
                "Fingerprint");
        assertThat(done.get("Name").s()).isEqualTo("courtesy-flush");
        assertThat(done.get("Status").s()).isEqualTo("SUCCEEDED");
        assertThat(done.get("Rows").n()).isEqualTo("0");
        assertThat(steps.get(1).m().get("Error").s()).startsWith("Catalog Error");
        assertThat(steps.get(1).m().get("Detail").s()).startsWith("{\"collections\"");
        assertThat(steps.get(2).m().keySet()).containsExactlyInAnyOrder("Name", "Status");

        Map<String, AttributeValue> attempt = item.get("Attempts").l().get(0).m();
        assertThat(attempt.keySet()).containsExactlyInAnyOrder("Run_Id", "Status", "CurrentStep", "Cluster_Id",
                "Started_At", "Ended_At", "Steps");
        assertThat(attempt.get("Run_Id").n()).isEqualTo("1");
        assertThat(attempt.get("Steps").l().get(1).m().get("Status").s()).isEqualTo("CANCELLED");
    }

    @Test
    void leavesAbsentValuesOut() {
        LedgerRow row = new LedgerRow(new RunKey("corr-min", "MONGO_LATEST"), null, 1, RunStatus.COMPLETED, null,
                null, null, null, null, LedgerRow.timeToExistFor(T0), null, null, null, List.of(), List.of(), null, 1);
        ledger.insert(row);
        Map<String, AttributeValue> item = rawItem(row.key());
        assertThat(item.keySet()).containsExactlyInAnyOrder("Correlation_Id", "DataProduct", "Run_Id", "Status",
                "TimeToExist", "Steps", "Attempts", "Version");
        assertThat(item.values()).noneMatch(v -> v.type() == AttributeValue.Type.NUL);
    }

    @Test
    void listsEveryRowAcrossScanPages() {
        // About 40 KB a row: 40 rows are more than one 1 MB scan page.
        String detail = "x".repeat(40_000);
        for (int i = 0; i < 40; i++) {
            ledger.insert(sampleRow(String.format("corr-%02d", 39 - i), 1).withStep(
                    new StepRecord("mongo-latest-build", StepStatus.SUCCEEDED, T0, T0, 1L, null, "f", detail)));
        }
        assertThat(ledger.list("MONGO_LATEST")).hasSize(40)
                .extracting(r -> r.key().correlationId()).isSorted().startsWith("corr-00").endsWith("corr-39");
    }

    @Test
    void initOnAStoreWithoutTimeToLiveIsAUserErrorNamingTheWayOut() {
        try (DynamoDbLedger withTtl = DynamoDbLedger.open("ttl-" + UUID.randomUUID(), endpoint)) {
            assertThatThrownBy(withTtl::init)
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                    .hasMessageContaining("does not support UpdateTimeToLive")
                    .hasMessageContaining("ledger init --no-ttl")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aLostConditionTellsAChangedRowFromAGoneOneWithoutTheStoredItem() {
        // dynalite drops ReturnValuesOnConditionCheckFailure: the ledger must read to tell the two apart.
        LedgerRow row = sampleRow("corr-cas", 3);
        ledger.insert(row);
        assertThatThrownBy(() -> ledger.delete(row.key(), 2)).isInstanceOf(LedgerConflictException.class)
                .hasMessage("run corr-cas/MONGO_LATEST was changed by another runner (now IN_PROGRESS, held by "
                        + "host:42:1700000000000)");
        assertThat(ledger.read(row.key())).contains(row);
        raw.deleteItem(b -> b.tableName(table).key(DynamoDbItems.key(row.key())));
        assertThat(ledger.delete(row.key(), 3)).isFalse();
        assertThatThrownBy(() -> ledger.update(row.nextVersion(T0), 3)).isInstanceOf(LedgerConflictException.class)
                .hasMessage("run corr-cas/MONGO_LATEST is gone: its row was deleted by another runner");
    }

    @Test
    void initCreatesATableWithTheKeysOfTheOriginal() {
        var description = raw.describeTable(b -> b.tableName(table)).table();
        assertThat(description.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("Correlation_Id:HASH", "DataProduct:RANGE");
        assertThat(description.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactlyInAnyOrder("Correlation_Id:S", "DataProduct:S");
        assertThat(description.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void aMissingTableIsAUserErrorThatSaysHowToCreateIt() {
        try (DynamoDbLedger missing = DynamoDbLedger.open("no-such-table", endpoint)) {
            assertThatThrownBy(() -> missing.read(new RunKey("c", "MONGO_LATEST")))
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                    .hasMessage("DynamoDB table no-such-table does not exist; create it with: "
                            + "mongo-latest ledger init --ledger dynamodb:no-such-table");
            assertThatThrownBy(() -> missing.insert(sampleRow("c", 1)))
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER));
            assertThatThrownBy(() -> missing.list("MONGO_LATEST"))
                    .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER));
        }
    }

    @Test
    void anUnreachableEndpointFailsWithinSecondsAsAnExternalError() throws IOException {
        // A socket bound but not listening holds the port, so every connection to it is refused.
        try (Socket bound = new Socket()) {
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertUnreachable(URI.create("http://127.0.0.1:" + bound.getLocalPort()));
        }
    }

    private static void assertUnreachable(URI closed) {
        try (DynamoDbLedger unreachable = DynamoDbLedger.open("data_pipeline_metadata", closed)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> unreachable.read(new RunKey("c", "MONGO_LATEST")))
                    .isInstanceOfSatisfying(MongoLatestException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
                    .hasMessageStartingWith("ledger dynamodb:data_pipeline_metadata @ " + closed + ": cannot read run")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void describesTableAndEndpoint() {
        assertThat(ledger.describe()).isEqualTo("dynamodb:" + table + " @ " + endpoint);
        assertThat(DynamoDbLedger.using(raw, "t1").describe()).isEqualTo("dynamodb:t1");
    }

    @Test
    void leavesAClientItWasGivenOpen() {
        LedgerRow row = sampleRow("corr-given", 1);
        try (DynamoDbLedger given = DynamoDbLedger.using(raw, table)) {
            given.insert(row);
        }
        assertThat(rawItem(row.key())).containsKey("Version");
    }

    private Map<String, AttributeValue> rawItem(RunKey key) {
        return raw.getItem(b -> b.tableName(table).key(DynamoDbItems.key(key)).consistentRead(true)).item();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

}
