package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.StepStatus;

/**
 * Runs in child JVMs killed with SIGKILL in the middle of a step: readers keep seeing the previous complete
 * output, and running the same command again ends with exactly the output of a run never interrupted.
 * Also: two runners of one correlation id, and a run stopped with {@code stop}. Only the runs that are killed,
 * stopped or raced run in child JVMs; the others run in this one.
 */
class CrashRecoveryTest {
    private static final RunKey KEY = new RunKey("crash-1", "MONGO_LATEST");
    /** Runs until cancelled: holds a run in the views step for as long as a test needs. */
    private static final String ENDLESS_SQL = "SELECT count(*) FROM range(1000000000000000) a WHERE a.range % 7 = 3;\n";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Map<String, List<String>> reference;

    @BeforeAll
    static void generateAndRunOnce() throws Exception {
        CliRun.generate(shared.resolve("input"), 3000, 11, shared.resolve("gen-state"));
        CliRun clean = CliRun.of(runArgs(shared.resolve("ref")));
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        reference = WarehouseContents.read(shared.resolve("ref").resolve("warehouse"));
        assertThat(reference).containsKey("ucs_latest_unredacted.statement_fact_v")
                .containsKey("ucs_latest_redacted.statement_fact_v").containsKey("uc_mongo_latest.core_contract");
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

    private ChildLedger ledger() {
        return new ChildLedger(dir.resolve("state").resolve("ledger.db"), KEY);
    }

    @Test
    void runsKilledInEachStepLeaveThePreviousOutputAndTheNextRunResumesThere() throws Exception {
        Path product = dir.resolve("product");
        assertThat(CliRun.of("product", "init", product.toString()).exitCode()).isZero();
        Path endless = product.resolve("steps/mongo-latest-views/99_endless.sql");
        CliRun first = CliRun.of(runArgs(dir, "--product", product.toString()));
        assertThat(first.exitCode()).as(first.err()).isZero();

        String resumed = null;
        for (String step : List.of("mongo-latest-build", "mongo-latest-views", "mongo-latest-publish")) {
            if (step.equals("mongo-latest-views")) {
                Files.writeString(endless, ENDLESS_SQL);
            }
            ChildRun doomed = ChildRun.start(dir, "doomed-" + step, runArgs(dir, "--product", product.toString()));
            if (step.equals("mongo-latest-views")) {
                ledger().awaitRunning(doomed, step); // it cannot leave the step by itself
                doomed.kill();
                Files.delete(endless);
            } else {
                ledger().killWhileRunning(doomed, step);
            }
            assertThat(doomed.out()).contains(resumed == null ? "full re-run" : "retry from " + resumed);
            assertThat(WarehouseContents.read(dir.resolve("warehouse"))).as("after a kill in " + step)
                    .isEqualTo(reference);
            resumed = step;
        }

        CliRun again = CliRun.of(runArgs(dir, "--product", product.toString()));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("retry from mongo-latest-publish");
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
        LedgerRow row = ledger().read().orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row.runId()).isEqualTo(5);
        assertThat(row.attempts()).extracting(a -> a.status() + " at " + a.currentStep()).containsExactly(
                "COMPLETED at flush-pushgateway", "IN_PROGRESS at mongo-latest-build",
                "IN_PROGRESS at mongo-latest-views", "IN_PROGRESS at mongo-latest-publish");
    }

    @Test
    void aFirstRunKilledMidwayIsFinishedByTheNextOne() throws Exception {
        ChildRun doomed = ChildRun.start(dir, "doomed", runArgs(dir));
        ledger().killWhileRunning(doomed, "mongo-latest-publish");
        Map<String, List<String>> partial = WarehouseContents.read(dir.resolve("warehouse"));
        // Built before publishing started: the latest tables, complete; published ones only whole.
        List<String> built = reference.keySet().stream().filter(t -> t.startsWith("uc_mongo_latest.")).toList();
        assertThat(built).isNotEmpty();
        assertThat(partial).containsKeys(built.toArray(String[]::new));
        assertThat(reference).containsAllEntriesOf(partial);

        CliRun again = CliRun.of(runArgs(dir));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("retry from mongo-latest-publish");
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
    }

    @Test
    void aSecondRunnerIsRefusedWhileTheFirstHoldsTheRun() throws Exception {
        // A long grace keeps the first runner holding the run after its last step, until the test stops it.
        ChildRun a = ChildRun.start(dir, "a", runArgs(dir, "--pushgateway-grace", "300s"));
        LedgerRow held = ledger().await(a, "the first runner's lease", r -> ChildLedger.heldBy(r, a));

        CliRun b = CliRun.of(runArgs(dir, "--pushgateway-grace", "300s"));
        assertThat(b.exitCode()).as(b.out() + b.err()).isEqualTo(3);
        assertThat(b.err()).contains("is held by " + held.lease().owner()).doesNotContain("Exception");

        ledger().await(a, "the first run completed and in its grace period", r -> r.status() == RunStatus.COMPLETED
                && ChildLedger.heldBy(r, a) && "flush-pushgateway".equals(r.currentStep()));
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
        a.terminate();
        assertThat(a.await(60)).as("cancelled in the grace period, after completing: still completed").isZero();
        assertThat(a.out()).contains("the run had completed before");
        LedgerRow row = ledger().read().orElseThrow();
        assertThat(row.runId()).isEqualTo(1);
        assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row.lease()).isNull();
    }

    @Test
    void stopCancelsALocalRunWhichThenResumesWhereItStopped() throws Exception {
        Path product = dir.resolve("product");
        assertThat(CliRun.of("product", "init", product.toString()).exitCode()).isZero();
        Path endless = product.resolve("steps/mongo-latest-views/99_endless.sql");
        Files.writeString(endless, ENDLESS_SQL);
        ChildRun run = ChildRun.start(dir, "run", runArgs(dir, "--product", product.toString()));
        ledger().awaitRunning(run, "mongo-latest-views");
        CliRun stop = CliRun.of("stop", "--state-dir", dir.resolve("state").toString());
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).contains("stopping run crash-1/MONGO_LATEST").contains("stopped");
        assertThat(run.await(60)).isEqualTo(4);
        LedgerRow row = ledger().read().orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.FAILED);
        assertThat(row.currentStep()).isEqualTo("mongo-latest-views");
        assertThat(row.step("mongo-latest-views").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(row.lease()).isNull();

        Files.delete(endless);
        CliRun again = CliRun.of(runArgs(dir, "--product", product.toString()));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("retry from mongo-latest-views");
        assertThat(WarehouseContents.read(dir.resolve("warehouse"))).isEqualTo(reference);
    }
}
