package io.mongolatest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.metrics.CapturedLog;

/** The SQLite ledger's file: private to its owner, never created by a look, and honest about waiting. */
class SqliteLedgerFilesTest {
    @TempDir
    Path dir;

    @Test
    void theLedgerFileAndItsFolderArePrivate() throws Exception {
        Path file = dir.resolve("state/ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(file)) {
            assertThat(ledger.list("MONGO_LATEST")).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void lookingRunsUpNeverCreatesALedger() {
        LedgerLocation defaultFile = LedgerLocation.parse(null);
        try (RunLedger none = defaultFile.openExisting(dir.resolve("state"), null)) {
            assertThat(none.list("MONGO_LATEST")).isEmpty();
            assertThat(none.describe()).contains("not created yet");
        }
        assertThat(dir.resolve("state")).doesNotExist();
        LedgerLocation typo = LedgerLocation.parse("sqlite:" + dir.resolve("typo/x.db"));
        assertThatThrownBy(() -> typo.openExisting(dir.resolve("state"), null))
                .hasMessage("no ledger at " + dir.resolve("typo/x.db") + " (check --ledger)");
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void aLedgerOpenedToReadOnlyReadsItsRunsAndChangesNothing() throws Exception {
        Path file = dir.resolve("state/ledger.db");
        LedgerRow row = RunLedgerContract.sampleRow("kept", 1);
        try (SqliteLedger ledger = SqliteLedger.open(file)) {
            ledger.insert(row);
        }
        byte[] before = Files.readAllBytes(file);
        try (SqliteLedger ledger = SqliteLedger.openReadOnly(file)) {
            assertThat(ledger.read(row.key())).contains(row);
            assertThat(ledger.list(row.key().dataProduct())).containsExactly(row);
            assertThatThrownBy(() -> ledger.insert(RunLedgerContract.sampleRow("new", 1)))
                    .hasMessageContaining("readonly");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no journal beside it")
                    .containsExactly("ledger.db");
        }
    }

    @Test
    void aRunnerWaitingForAnotherProcesssLockSaysSoAtOnce() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement();
             CapturedLog log = new CapturedLog(LockWait.class)) {
            s.execute("BEGIN EXCLUSIVE");
            LedgerRow row = RunLedgerContract.sampleRow("locked", 1);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> ledger.insert(row));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (log.warnings().isEmpty() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            assertThat(log.warnings()).singleElement().asString()
                    .isEqualTo("the ledger " + file + " is locked by another process; waiting up to 30 s");
            assertThat(writing).isNotDone();
            s.execute("COMMIT");
            writing.get(10, TimeUnit.SECONDS);
            assertThat(ledger.read(row.key())).isPresent();
        }
    }
}
