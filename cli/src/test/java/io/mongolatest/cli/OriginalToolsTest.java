package io.mongolatest.cli;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.ledger.DynaliteExtension;
import io.mongolatest.ledger.DynaliteServer;
import io.mongolatest.ledger.LeaseOwner;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The original system's own tooling keeps working on our rows, against dynalite. Its calls are sent as the AWS
 * CLI sends them (same operations and parameters, nothing added): {@code update_dynamo.sh}'s {@code update-item}
 * with a SET expression, its {@code get-item}, the relauncher's scan by {@code Cluster_Id}, and the
 * {@code clear-dynamodb-row} job's {@code delete-item}. Our ledger reads what they leave.
 */
@ExtendWith(DynaliteExtension.class)
class OriginalToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORRELATION_ID = "original-tools-1";

    @TempDir
    static Path dir;

    private static DynaliteServer dynalite;
    private static DynamoDbClient aws;

    @BeforeAll
    static void generateInput(DynaliteServer server) {
        dynalite = server;
        aws = server.newClient();
        CliRun.generate(dir.resolve("input"), 200, 5, dir.resolve("gen"));
    }

    @AfterAll
    static void closeClient() {
        aws.close();
    }

    @Test
    void theOriginalsCallsReadChangeFindAndDeleteOurRows() throws Exception {
        String table = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ledger = List.of("--ledger", "dynamodb:" + table, "--dynamodb-endpoint",
                dynalite.endpoint().toString());
        assertThat(cli("ledger", "init", ledger, "--no-ttl").exitCode()).isZero();
        Path product = dir.resolve("product");
        assertThat(cli("product", "init", List.of(product.toString())).exitCode()).isZero();
        Files.writeString(product.resolve("steps/mongo-latest-views/99_fail.sql"), "SELECT * FROM not_there;\n");
        CliRun failed = cli("run", runArgs(product, ledger));
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        Map<String, AttributeValue> key = Map.of("Correlation_Id", s(CORRELATION_ID), "DataProduct", s("MONGO_LATEST"));

        // update_dynamo.sh: aws dynamodb get-item --table-name T --key '{...}' (an eventually consistent read).
        Map<String, AttributeValue> item = aws.getItem(b -> b.tableName(table).key(key)).item();
        assertThat(item.get("Status").s()).isEqualTo("FAILED");
        assertThat(item.get("CurrentStep").s()).isEqualTo("mongo-latest-views");
        assertThat(item.get("Run_Id").n()).isEqualTo("1");
        assertThat(item.get("Date").s()).isEqualTo("2026-11-20");
        assertThat(item.get("Snapshot_Type").s()).isEqualTo("incremental");
        assertThat(item.get("Cluster_Id").s()).isEqualTo(LeaseOwner.current().localClusterId());
        assertThat(Long.parseLong(item.get("TimeToExist").n())).isLessThan(100_000_000_000L); // seconds

        // The relauncher: aws dynamodb scan --table-name T --filter-expression 'Cluster_Id = :c'
        //   --expression-attribute-values '{":c":{"S":"<cluster id>"}}' (the CLI follows every page).
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = aws.scan(b -> b.tableName(table).filterExpression("Cluster_Id = :c")
                    .expressionAttributeValues(Map.of(":c", s(LeaseOwner.current().localClusterId())))
                    .exclusiveStartKey(from));
            found.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(found).singleElement().satisfies(row -> assertThat(row.get("Correlation_Id").s())
                .isEqualTo(CORRELATION_ID));

        // update_dynamo.sh marks a failed EMR step: aws dynamodb update-item --key '{...}' --update-expression
        //   'SET #d = :s, Cluster_Id = :v, Snapshot_Type = :x, TimeToExist = :z, CurrentStep = :y, #a = :u,
        //   Run_Id = :t' --expression-attribute-names '{"#d":"Date","#a":"Status"}' with TTL in milliseconds.
        long ttlMillis = Instant.parse("2026-11-27T06:00:00Z").toEpochMilli();
        aws.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("SET #d = :s, Cluster_Id = :v, Snapshot_Type = :x, TimeToExist = :z, "
                        + "CurrentStep = :y, #a = :u, Run_Id = :t")
                .expressionAttributeNames(Map.of("#d", "Date", "#a", "Status"))
                .expressionAttributeValues(Map.ofEntries(entry(":s", s("2026-11-20")), entry(":v", s("j-2AXXXXXXGAPLF")),
                        entry(":x", s("full")), entry(":z", n(ttlMillis)), entry(":y", s("executeUpdateAll")),
                        entry(":u", s("FAILED")), entry(":t", n(4)))));

        JsonNode row = JSON.readTree(cli("status", "--correlation-id", statusArgs(product, ledger)).out());
        assertThat(row.get("Cluster_Id").asText()).isEqualTo("j-2AXXXXXXGAPLF");
        assertThat(row.get("Snapshot_Type").asText()).isEqualTo("full");
        assertThat(row.get("CurrentStep").asText()).isEqualTo("executeUpdateAll");
        assertThat(row.get("Status").asText()).isEqualTo("FAILED");
        assertThat(row.get("Run_Id").asLong()).isEqualTo(4);
        assertThat(row.get("TimeToExist").asLong()).isEqualTo(ttlMillis);
        assertThat(row.get("Version").asLong()).as("our own attributes are left as they were").isPositive();
        assertThat(row.get("Steps")).hasSize(6);

        // Our runner retries the original's failed run: its step is none of ours, so every step runs.
        Files.delete(product.resolve("steps/mongo-latest-views/99_fail.sql"));
        CliRun retried = cli("run", runArgs(product, ledger));
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(retried.err()).contains("executeUpdateAll").contains("every step");
        JsonNode after = JSON.readTree(cli("status", "--correlation-id", statusArgs(product, ledger)).out());
        assertThat(after.get("Run_Id").asLong()).isEqualTo(5);
        assertThat(after.get("Status").asText()).isEqualTo("COMPLETED");
        assertThat(after.get("Attempts").get(after.get("Attempts").size() - 1).get("Cluster_Id").asText())
                .isEqualTo("j-2AXXXXXXGAPLF");

        // The clear-dynamodb-row admin job: aws dynamodb delete-item --table-name T --key '{...}'.
        aws.deleteItem(b -> b.tableName(table).key(key));
        CliRun gone = cli("status", "--correlation-id", statusArgs(product, ledger));
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("no run " + CORRELATION_ID + "/MONGO_LATEST");
    }

    private static List<String> runArgs(Path product, List<String> ledger) {
        List<String> a = new ArrayList<>(List.of("--correlation-id", CORRELATION_ID, "--export-date", "2026-11-20",
                "--input", dir.resolve("input").toString(), "--warehouse", dir.resolve("warehouse").toString(),
                "--product", product.toString(), "--memory", "512MB", "--threads", "2"));
        a.addAll(ledger);
        return a;
    }

    private static List<String> statusArgs(Path product, List<String> ledger) {
        List<String> a = new ArrayList<>(List.of(CORRELATION_ID, "--product", product.toString(), "--json"));
        a.addAll(ledger);
        return a;
    }

    private static CliRun cli(String command, List<String> rest, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(rest);
        args.addAll(List.of(more));
        args.addAll(List.of("--state-dir", dir.resolve("state").toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun cli(String command, String subcommand, List<String> rest, String... more) {
        return cli(command + " " + subcommand, rest, more);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
