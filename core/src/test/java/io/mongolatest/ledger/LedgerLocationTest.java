package io.mongolatest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

class LedgerLocationTest {
    @TempDir
    Path stateDir;

    @Test
    void defaultsToTheSqliteFileInTheStateDirectory() {
        assertThat(LedgerLocation.parse(null)).isEqualTo(new LedgerLocation.Sqlite(null));
        assertThat(LedgerLocation.parse("")).isEqualTo(new LedgerLocation.Sqlite(null));
        assertThat(LedgerLocation.parse(" ")).isEqualTo(new LedgerLocation.Sqlite(null));
        assertThat(LedgerLocation.parse("sqlite")).isEqualTo(new LedgerLocation.Sqlite(null));
        assertThat(LedgerLocation.parse(null)).hasToString("sqlite:<state-dir>/ledger.db");

        try (RunLedger ledger = LedgerLocation.parse(null).open(stateDir, null)) {
            assertThat(ledger).isInstanceOf(SqliteLedger.class);
            assertThat(ledger.describe()).isEqualTo("sqlite:" + stateDir.resolve("ledger.db").toAbsolutePath());
        }
        assertThat(stateDir.resolve("ledger.db")).exists();
    }

    @Test
    void opensTheSqliteFileGiven() {
        Path file = stateDir.resolve("elsewhere").resolve("runs.db");
        LedgerLocation location = LedgerLocation.parse("sqlite:" + file);
        assertThat(location).isEqualTo(new LedgerLocation.Sqlite(file)).hasToString("sqlite:" + file);
        try (RunLedger ledger = location.open(stateDir, null)) {
            assertThat(ledger.describe()).isEqualTo("sqlite:" + file);
        }
        assertThat(Files.exists(file)).isTrue();
        assertThat(stateDir.resolve("ledger.db")).doesNotExist();
    }

    @Test
    void expandsTheHomeDirectory() {
        assertThat(LedgerLocation.parse("sqlite:~/runs/ledger.db"))
                .isEqualTo(new LedgerLocation.Sqlite(Path.of(System.getProperty("user.home"), "runs", "ledger.db")));
    }

    @Test
    void namesADynamoDbTable() {
        assertThat(LedgerLocation.parse("dynamodb:data_pipeline_metadata-v2.test"))
                .isEqualTo(new LedgerLocation.DynamoDb("data_pipeline_metadata-v2.test"))
                .hasToString("dynamodb:data_pipeline_metadata-v2.test");
        assertThat(LedgerLocation.parse("dynamodb")).isEqualTo(new LedgerLocation.DynamoDb("data_pipeline_metadata"));
        assertThat(LedgerLocation.parse("dynamodb:abc")).isEqualTo(new LedgerLocation.DynamoDb("abc"));
        String longest = "t".repeat(255);
        assertThat(LedgerLocation.parse("dynamodb:" + longest)).isEqualTo(new LedgerLocation.DynamoDb(longest));
    }

    @Test
    void opensADynamoDbLedgerWithoutContactingIt() {
        // Opening builds a client and sends nothing, so no store needs to listen there.
        URI endpoint = URI.create("http://127.0.0.1:9");
        try (RunLedger ledger = LedgerLocation.parse("dynamodb:runs").open(stateDir, endpoint)) {
            assertThat(ledger).isInstanceOf(DynamoDbLedger.class);
            assertThat(ledger.describe()).isEqualTo("dynamodb:runs @ http://127.0.0.1:9");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql:runs", "SQLITE:/tmp/x.db", "sqlite:", "sqlite: ", "dynamo:runs", "ledger.db",
        "dynamodb runs"})
    void refusesOtherFormsNamingTheAcceptedOnes(String value) {
        assertThatThrownBy(() -> LedgerLocation.parse(value))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                .hasMessage("--ledger must be sqlite:PATH or dynamodb:TABLE, not '" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dynamodb:", "dynamodb:ab", "dynamodb:runs/2026", "dynamodb:runs table",
        "dynamodb:ünïcode"})
    void refusesTableNamesDynamoDbWouldRefuse(String value) {
        assertThatThrownBy(() -> LedgerLocation.parse(value))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                .hasMessageStartingWith("invalid DynamoDB table name '" + value.substring("dynamodb:".length()) + "'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesATableNameLongerThanDynamoDbAllows() {
        assertThatThrownBy(() -> LedgerLocation.parse("dynamodb:" + "t".repeat(256)))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                .hasMessageContaining("use 3-255 characters");
    }

    @Test
    void refusesADynamoDbEndpointForASqliteLedger() {
        assertThatThrownBy(() -> LedgerLocation.parse(null).open(stateDir, URI.create("http://127.0.0.1:8000")))
                .isInstanceOfSatisfying(MongoLatestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
                .hasMessageContaining("--dynamodb-endpoint needs --ledger dynamodb:TABLE");
        assertThat(stateDir.resolve("ledger.db")).doesNotExist();
    }
}
