package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.SqliteLedger;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.WarehouseLeaseRow;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;

/**
 * Two runs of different correlation ids started at once on one warehouse, each in a JVM of its own with the
 * ledger they share (SPEC §7, "writers never lose each other's work"): one writes while the other waits for
 * the warehouse lease, both complete, and afterwards every table is whole and equal to a clean run's, on a local
 * and on an S3 warehouse.
 */
@ExtendWith(S3ProxyExtension.class)
class TwoWritersTest {
    private static final RunKey FIRST = new RunKey("writer-a", "MONGO_LATEST");
    private static final RunKey SECOND = new RunKey("writer-b", "MONGO_LATEST");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static S3ProxyServer s3;
    private static S3TestSetup credentials;
    private static Map<String, List<String>> reference;

    @BeforeAll
    static void generateAndRunOnce(S3ProxyServer server) {
        s3 = server;
        credentials = S3TestSetup.credentialsOf(server);
        CliRun.generate(shared.resolve("input"), 600, 23, shared.resolve("gen-state"));
        Path ref = shared.resolve("ref");
        // The tables do not depend on the correlation id (only the audit table names it).
        CliRun clean = CliRun.of(args(new RunKey("reference", "MONGO_LATEST"), ref.resolve("warehouse").toString(),
                ref.resolve("state")));
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        reference = WarehouseContents.read(ref.resolve("warehouse"));
        assertThat(reference).containsKey("ucs_latest_redacted.statement_fact_v");
        assertThat(reference.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    }

    @AfterAll
    static void restoreProperties() {
        credentials.close();
    }

    @Test
    void twoRunsOnOneLocalWarehouseWriteItOneAfterTheOtherAndLoseNothing() throws Exception {
        Path warehouse = dir.resolve("warehouse");

        raceTwoRuns(warehouse.toString());

        assertThat(WarehouseContents.read(warehouse)).as("every table whole").isEqualTo(reference);
        assertThat(WarehouseTables.read(warehouse, true).get("audit.data_pipeline_metadata").rows())
                .anySatisfy(r -> assertThat(r).contains(FIRST.correlationId()))
                .anySatisfy(r -> assertThat(r).contains(SECOND.correlationId()));
    }

    @Test
    void twoRunsOnOneS3WarehouseWriteItOneAfterTheOtherAndLoseNothing() throws Exception {
        S3Location warehouse = s3.createBucket().resolve("warehouse");

        raceTwoRuns(warehouse.toString());

        assertThat(WarehouseContents.readS3(s3.endpoint(), warehouse, catalog(), Files.createTempDirectory(dir, "read-")))
                .as("every table whole").isEqualTo(reference);
    }

    @Test
    void aRunThatCannotHaveTheWarehouseWithinItsWaitExitsThreeNamingTheHolder() {
        Path warehouse = dir.resolve("warehouse");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LeaseOwner holder = LeaseOwner.current(); // this JVM: alive for as long as the test runs
        LedgerRow holderRun = new LedgerRow(FIRST, "2026-11-20", 2, RunStatus.IN_PROGRESS, "mongo-latest-build",
                holder.localClusterId(), "incremental", "/in", warehouse.toString(), 0, null, null, null, List.of(),
                List.of(), null, 0);
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("state").resolve("ledger.db"))) {
            ledger.insert(WarehouseLeaseRow.held(warehouse.toString(), holderRun,
                    new Lease(holder.format(), now.plusSeconds(600)), Optional.empty(), now));
        }

        String[] args = args(SECOND, warehouse.toString(), dir.resolve("state"));
        args[args.length - 1] = "1s";
        CliRun r = CliRun.of(args);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList()).containsExactly("error: the warehouse "
                + warehouse + " is being written by run " + FIRST + " (attempt 2, " + holder.format() + ", lease until "
                + now.plusSeconds(600) + "); gave up after waiting 1s (--warehouse-wait)");
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("state").resolve("ledger.db"))) {
            assertThat(ledger.read(SECOND)).as("no attempt spent").isEmpty();
        }
        assertThat(warehouse.resolve("catalog.duckdb")).doesNotExist();
    }

    /**
     * Starts both runs at once and waits for both: each completes, one of them after waiting for the other, whose
     * steps all ended before the waiting one's first began.
     */
    private void raceTwoRuns(String warehouse) throws Exception {
        ChildRun a = ChildRun.start(dir, "a", s3.environment(), args(FIRST, warehouse, dir.resolve("state")));
        ChildRun b = ChildRun.start(dir, "b", s3.environment(), args(SECOND, warehouse, dir.resolve("state")));
        int exitA = a.await(300);
        int exitB = b.await(300);

        assertThat(exitA).as(a.out() + a.err()).isZero();
        assertThat(exitB).as(b.out() + b.err()).isZero();
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("state").resolve("ledger.db"))) {
            LedgerRow rowA = ledger.read(FIRST).orElseThrow();
            LedgerRow rowB = ledger.read(SECOND).orElseThrow();
            assertThat(List.of(rowA.status(), rowB.status())).containsOnly(RunStatus.COMPLETED);
            boolean aFirst = rowA.steps().get(0).startedAt().isBefore(rowB.steps().get(0).startedAt());
            LedgerRow before = aFirst ? rowA : rowB;
            LedgerRow after = aFirst ? rowB : rowA;
            ChildRun waiter = aFirst ? b : a;
            assertThat(after.steps().get(0).startedAt()).as("the waiting run began writing after the other ended")
                    .isAfterOrEqualTo(before.steps().get(before.steps().size() - 1).endedAt());
            assertThat(waiter.err()).contains("is being written by run " + before.key());
            assertThat(after.steps()).extracting(StepRecord::status).allSatisfy(s -> assertThat(s.isDone()).isTrue());
            LedgerRow lease = ledger.read(WarehouseLeaseRow.key(warehouse)).orElseThrow();
            assertThat(lease.lease()).as("released").isNull();
            assertThat(lease.currentStep()).isEqualTo(after.key().toString());
        }
    }

    private static String[] args(RunKey key, String warehouse, Path state) {
        List<String> a = new ArrayList<>(List.of("run", "--correlation-id", key.correlationId(), "--export-date",
                "2026-11-20", "--input", shared.resolve("input").toString(), "--warehouse", warehouse,
                "--state-dir", state.toString(), "--memory", "512MB", "--threads", "1", "--warehouse-wait", "5m"));
        if (warehouse.startsWith("s3://")) {
            a.addAll(List.of("--s3-endpoint", s3.endpoint().toString(), "--catalog", catalog()));
        }
        return a.toArray(String[]::new);
    }

    /** The S3 warehouse's catalog: a SQLite file both runs share (one machine). */
    private static String catalog() {
        return "sqlite:" + shared.resolve("s3-catalog.db");
    }
}
