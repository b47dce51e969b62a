package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.SqliteLedger;
import io.mongolatest.ledger.StepStatus;

/**
 * Runs in child JVMs killed with SIGKILL in the middle of a step: readers keep seeing the previous complete
 * output, and running the same command again ends with exactly the output of a run never interrupted.
 * Also: two runners of one correlation id, and a run stopped with {@code stop}.
 */
class CrashRecoveryTest {
    private static final RunKey KEY = new RunKey("crash-1", "MONGO_LATEST");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Map<String, List<String>> reference;

    @BeforeAll
    static void generateAndRunOnce() throws Exception {
        CliRun gen = CliRun.of("generate", "--out", shared.resolve("input").toString(), "--docs", "20000", "--seed",
                "11", "--export-date", "2026-11-20", "--state-dir", shared.resolve("gen-state").toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        ChildRun clean = ChildRun.start(shared, "reference", runArgs(shared.resolve("ref")));
        assertThat(clean.await(180)).as(clean.err()).isZero();
        reference = WarehouseContents.read(shared.resolve("ref").resolve("warehouse"));
        assertThat(reference).containsKey("ucs_latest_unredacted.statement_fact_v");
        assertThat(reference.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    }

    private static String[] runArgs(Path base, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "--correlation-id", KEY.correlationId(), "--export-date",
                "2026-11-20", "--input", shared.resolve("input").toString(), "--warehouse",
                base.resolve("warehouse").toString(), "--state-dir", base.resolve("state").toString(),
                "--memory", "512MB", "--threads", "1"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo-latest-build", "mongo-latest-views", "mongo-latest-publish"})
    void aRunKilledDuringAStepLeavesThePreviousOutputAndTheRerunFinishesIt(String step) throws Exception {
        ChildRun first = ChildRun.start(dir, "first", runArgs(dir));
        assertThat(first.await(180)).as(first.err()).isZero();

        ChildRun doomed = ChildRun.start(dir, "doomed", runArgs(dir));
        awaitRunning(step, doomed);
        doomed.kill();
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);

        ChildRun again = ChildRun.start(dir, "again", runArgs(dir));
        assertThat(again.await(180)).as(again.err()).isZero();
        assertThat(again.out()).contains("retry from " + step);
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("state").resolve("ledger.db"))) {
            LedgerRow row = ledger.read(KEY).orElseThrow();
            assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(row.runId()).isEqualTo(3);
            assertThat(row.attempts()).extracting(a -> a.status()).containsExactly(RunStatus.COMPLETED,
                    RunStatus.IN_PROGRESS);
        }
    }

    @Test
    void aFirstRunKilledMidwayIsFinishedByTheNextOne() throws Exception {
        ChildRun doomed = ChildRun.start(dir, "doomed", runArgs(dir));
        awaitRunning("mongo-latest-publish", doomed);
        doomed.kill();
        Map<String, List<String>> partial = WarehouseContents.read(dir.resolve("warehouse"));
        partial.forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(reference.get(table)));

        ChildRun again = ChildRun.start(dir, "again", runArgs(dir));
        assertThat(again.await(180)).as(again.err()).isZero();
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
    }

    @Test
    void ofTwoRunnersOfOneCorrelationIdStartedASecondApartExactlyOneProceeds() throws Exception {
        // The grace period keeps the first runner alive long enough for the second to meet its lease.
        ChildRun a = ChildRun.start(dir, "a", runArgs(dir, "--pushgateway-grace", "8s"));
        assertThat(a.exitsWithin(1000)).as("first runner ended within a second").isFalse();
        ChildRun b = ChildRun.start(dir, "b", runArgs(dir, "--pushgateway-grace", "8s"));
        int codeA = a.await(180);
        int codeB = b.await(180);
        assertThat(List.of(codeA, codeB)).containsExactlyInAnyOrder(0, 3);
        ChildRun loser = codeA == 3 ? a : b;
        assertThat(loser.err()).contains("is held by").doesNotContain("Exception");
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
    }

    @Test
    void stopCancelsALocalRunWhichThenResumesWhereItStopped() throws Exception {
        ChildRun run = ChildRun.start(dir, "run", runArgs(dir));
        awaitRunning("mongo-latest-build", run);
        CliRun stop = CliRun.of("stop", "--state-dir", dir.resolve("state").toString());
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).contains("stopping run crash-1/MONGO_LATEST").contains("stopped");
        assertThat(run.await(60)).isEqualTo(4);
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("state").resolve("ledger.db"))) {
            LedgerRow row = ledger.read(KEY).orElseThrow();
            assertThat(row.status()).isEqualTo(RunStatus.FAILED);
            assertThat(row.currentStep()).isEqualTo("mongo-latest-build");
            assertThat(row.step("mongo-latest-build").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
            assertThat(row.lease()).isNull();
        }
        ChildRun again = ChildRun.start(dir, "again", runArgs(dir));
        assertThat(again.await(180)).as(again.err()).isZero();
        assertThat(again.out()).contains("retry from mongo-latest-build");
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
    }

    /** Polls the child's ledger until it records {@code step} as running. */
    private void awaitRunning(String step, ChildRun child) throws Exception {
        Path ledgerFile = dir.resolve("state").resolve("ledger.db");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!child.alive()) {
                throw new AssertionError("the run ended before " + step + " started: " + child.out() + child.err());
            }
            if (ledgerFile.toFile().exists()) {
                try (SqliteLedger ledger = SqliteLedger.open(ledgerFile)) {
                    var row = ledger.read(KEY);
                    if (row.isPresent() && row.get().status() == RunStatus.IN_PROGRESS
                            && step.equals(row.get().currentStep())
                            && row.get().step(step).map(s -> s.status() == StepStatus.RUNNING).orElse(false)) {
                        return;
                    }
                }
            }
            child.exitsWithin(5); // paces the polling
        }
        throw new AssertionError(step + " never started");
    }
}
