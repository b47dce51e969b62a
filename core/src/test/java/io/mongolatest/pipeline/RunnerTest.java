package io.mongolatest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.SqliteLedger;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.pipeline.housekeeping.Housekeeping;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.pipeline.plan.StartKind;
import io.mongolatest.product.MongoArguments;

class RunnerTest {
    private static final String PIPELINE = """
            data_product: TEST_PRODUCT
            version: "1"
            steps:
              - name: announce
                builtin: courtesy-flush
                always: true
              - name: prepare
                builtin: probe
              - name: load
                sql: true
              - name: views
                sql: true
              - name: publish
                builtin: probe
              - name: tidy
                builtin: probe
                always: true
                on_failure: continue
            """;
    private static final RunKey KEY = new RunKey("corr-1", "TEST_PRODUCT");
    /** Now, as far as the runner knows: moved on by tests that need time to pass. */
    private static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");

    @TempDir
    Path dir;

    private SqliteLedger ledger;
    private Probe probe;
    private RecordingMetrics metrics;
    private Map<String, String> extraFiles;
    private TestClock clock;

    @BeforeEach
    void setUp() {
        clock = new TestClock(T0);
        ledger = SqliteLedger.open(dir.resolve("ledger.db"));
        probe = new Probe(ledger);
        metrics = new RecordingMetrics();
        extraFiles = new HashMap<>();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private ProductPackage product() {
        TestProducts p = TestProducts.withPipeline(PIPELINE)
                .file("steps/load/10_table.sql", "CREATE OR REPLACE TABLE t AS SELECT ${correlation_id} AS c, 42 AS v;")
                .file("steps/views/10_view.sql", "-- a view\nCREATE OR REPLACE VIEW v AS SELECT 1 AS one;");
        extraFiles.forEach(p::file);
        return p.load(builtins().keySet());
    }

    private Map<String, BuiltinStep> builtins() {
        Map<String, BuiltinStep> b = new HashMap<>(Housekeeping.builtins());
        b.put("probe", probe);
        return b;
    }

    private RunParameters params() {
        return MongoArguments.params("corr-1", LocalDate.parse("2026-11-20"), SnapshotType.INCREMENTAL,
                dir.resolve("in"), dir.resolve("wh"));
    }

    private RunResult run() {
        return run(new Cancellation(), "input-a");
    }

    private RunResult run(Cancellation cancellation, String inputDigest) {
        return runner().run(product(), builtins(), params(), RunOptions.defaults(), inputDigest, RunListener.NONE,
                cancellation);
    }

    private TestRunner runner() {
        EngineSettings settings = new EngineSettings(dir.resolve("wh"), DataSize.ofMebibytes(256), dir.resolve("tmp"),
                1, false);
        return new TestRunner(ledger, new DuckDbEngine(), settings, metrics, clock, dir);
    }

    private LedgerRow row() {
        return ledger.read(KEY).orElseThrow();
    }

    private static List<String> statuses(LedgerRow row) {
        return row.steps().stream().map(s -> s.name() + "=" + s.status()).toList();
    }

    @Test
    void aNewRunRunsEveryStepAndCompletes() {
        RunResult r = run();
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        LedgerRow row = row();
        assertThat(row.runId()).isEqualTo(1);
        assertThat(row.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row.lease()).isNull();
        assertThat(row.clusterId()).isEqualTo(LeaseOwner.current().localClusterId());
        assertThat(row.date()).isEqualTo("2026-11-20");
        assertThat(row.snapshotType()).isEqualTo("incremental");
        assertThat(row.timeToExist()).isEqualTo(T0.plus(Duration.ofDays(7)).getEpochSecond());
        assertThat(row.startedAt()).isEqualTo(T0);
        assertThat(statuses(row)).containsExactly("announce=SUCCEEDED", "prepare=SUCCEEDED", "load=SUCCEEDED",
                "views=SUCCEEDED", "publish=SUCCEEDED", "tidy=SUCCEEDED");
        assertThat(row.steps()).allSatisfy(s -> assertThat(s.fingerprint()).contains("code="));
        assertThat(probe.ran).containsExactly("prepare", "publish", "tidy");
        assertThat(metrics.calls).containsExactly("delete", "status:RUNNING", "step:announce", "step:prepare",
                "step:load", "step:views", "step:publish", "status:COMPLETED", "step:tidy");
    }

    @Test
    void completedIsWrittenOnlyAfterTheLastTerminatingStep() {
        run();
        assertThat(probe.statusSeen).containsEntry("publish", RunStatus.IN_PROGRESS)
                .containsEntry("tidy", RunStatus.COMPLETED);
    }

    @Test
    void aFailedStepFailsTheRunAndTheRetryResumesThere() {
        extraFiles.put("steps/views/99_fail.sql", "SELECT * FROM missing_table_injected;");
        RunResult failed = run();
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.message()).contains("views").contains("99_fail.sql:1").contains("missing_table_injected");
        LedgerRow row = row();
        assertThat(row.status()).isEqualTo(RunStatus.FAILED);
        assertThat(row.currentStep()).isEqualTo("views");
        assertThat(row.lease()).isNull();
        assertThat(statuses(row)).as("after the failure only the always step runs")
                .containsExactly("announce=SUCCEEDED", "prepare=SUCCEEDED", "load=SUCCEEDED", "views=FAILED",
                        "publish=NOT_RUN", "tidy=SUCCEEDED");
        assertThat(probe.statusSeen).containsEntry("tidy", RunStatus.FAILED);
        assertThat(metrics.calls).endsWith("step:views", "status:FAILED", "step:tidy");

        extraFiles.clear();
        probe.ran.clear();
        RunResult retry = run();
        assertThat(retry.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(retry.plan().start()).isEqualTo(StartKind.RETRY);
        LedgerRow after = row();
        assertThat(after.runId()).isEqualTo(2);
        assertThat(statuses(after)).containsExactly("announce=SUCCEEDED", "prepare=SKIPPED", "load=SKIPPED",
                "views=SUCCEEDED", "publish=SUCCEEDED", "tidy=SUCCEEDED");
        assertThat(probe.ran).containsExactly("publish", "tidy");
        assertThat(after.attempts()).singleElement().satisfies(a -> {
            assertThat(a.runId()).isEqualTo(1);
            assertThat(a.status()).isEqualTo(RunStatus.FAILED);
            assertThat(a.currentStep()).isEqualTo("views");
        });
    }

    @Test
    void aSkippedStepKeepsItsFingerprintForLaterRetries() {
        probe.failing.add("publish");
        run();
        String prepared = row().step("prepare").orElseThrow().fingerprint();
        run();
        assertThat(row().step("prepare").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(row().step("prepare").orElseThrow().fingerprint()).isEqualTo(prepared);
        probe.failing.clear();
        assertThat(run().outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(row().runId()).isEqualTo(3);
        assertThat(row().step("prepare").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void aStepChangedSinceItSucceededIsRunAgainOnRetry() {
        probe.failing.add("publish");
        run();
        extraFiles.put("steps/load/20_more.sql", "CREATE OR REPLACE TABLE t2 AS SELECT 1 AS x;");
        probe.failing.clear();
        probe.ran.clear();
        RunResult retry = run();
        assertThat(retry.plan().resumeStep()).isEqualTo("load");
        assertThat(retry.plan().steps().get(2).reason()).contains("changed").contains("code");
        assertThat(statuses(row())).containsExactly("announce=SUCCEEDED", "prepare=SKIPPED", "load=SUCCEEDED",
                "views=SUCCEEDED", "publish=SUCCEEDED", "tidy=SUCCEEDED");
    }

    @Test
    void changedInputRestartsAtTheFirstStepThatDependsOnIt() {
        probe.failing.add("publish");
        run(new Cancellation(), "input-a");
        probe.failing.clear();
        RunResult retry = run(new Cancellation(), "input-b");
        assertThat(retry.plan().resumeStep()).isEqualTo("prepare");
        assertThat(retry.plan().steps().get(1).reason()).contains("input snapshots");
    }

    @Test
    void aContinueStepMayFailWithoutFailingTheRun() {
        probe.failing.add("tidy");
        RunResult r = run();
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(row().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row().step("tidy").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
        assertThat(row().step("tidy").orElseThrow().error()).contains("probe told to fail");
    }

    @Test
    void aCompletedRunIsRunAgainInFull() {
        run();
        probe.ran.clear();
        RunResult again = run();
        assertThat(again.plan().start()).isEqualTo(StartKind.RERUN);
        assertThat(row().runId()).isEqualTo(2);
        assertThat(probe.ran).containsExactly("prepare", "publish", "tidy");
    }

    @Test
    void aResumePointThatNamesNoStepRunsEverythingWithAWarning() {
        ledger.insert(originalRow(RunStatus.FAILED, "executeUpdateAll"));
        RunResult r = run();
        assertThat(r.plan().warnings()).filteredOn(w -> w.contains("executeUpdateAll")).singleElement().asString()
                .contains("every step");
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(row().runId()).isEqualTo(8);
        assertThat(probe.ran).containsExactly("prepare", "publish", "tidy");
    }

    @Test
    void aRowOfTheOriginalSystemIsRetriedAtItsStep() {
        ledger.insert(originalRow(RunStatus.FAILED, "views"));
        RunResult r = run();
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(statuses(row())).containsExactly("announce=SUCCEEDED", "prepare=SKIPPED", "load=SKIPPED",
                "views=SUCCEEDED", "publish=SUCCEEDED", "tidy=SUCCEEDED");
        assertThat(row().timeToExist()).isLessThan(100_000_000_000L);
    }

    @Test
    void aRowOfTheOriginalSystemInProgressIsHeld() {
        ledger.insert(originalRow(RunStatus.IN_PROGRESS, "views"));
        RunResult r = run();
        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(r.message()).contains("j-ORIGINAL");
        assertThat(probe.ran).isEmpty();
    }

    @Test
    void aLiveLeaseHoldsTheRun() {
        LeaseOwner other = new LeaseOwner("another-host", 4242, 1);
        ledger.insert(inProgress(other, T0.plusSeconds(60)));
        RunResult r = run();
        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(r.message()).contains("another-host:4242:1");
        assertThat(row().status()).isEqualTo(RunStatus.IN_PROGRESS);
        assertThat(metrics.calls).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverAsARetryAtItsStep() {
        ledger.insert(inProgress(new LeaseOwner("another-host", 4242, 1), T0.minusMillis(1)));
        RunResult r = run();
        assertThat(r.plan().start()).isEqualTo(StartKind.RETRY);
        assertThat(r.plan().resumeStep()).isEqualTo("views");
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(row().runId()).isEqualTo(4);
    }

    @Test
    void aLeaseOfADeadProcessOnThisHostIsTakenOverAtOnce() {
        LeaseOwner self = LeaseOwner.current();
        LeaseOwner dead = new LeaseOwner(self.host(), deadPid(), 1);
        ledger.insert(inProgress(dead, T0.plusSeconds(3600)));
        RunResult r = run();
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(r.plan().resumeStep()).isEqualTo("views");
    }

    @Test
    void cancellingInterruptsTheRunningStepAndLeavesTheRunResumable() throws Exception {
        probe.blocking.add("publish");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run(cancellation, "input-a"));
        assertThat(probe.blocked.await(30, TimeUnit.SECONDS)).isTrue();
        cancellation.cancel("SIGTERM");
        RunResult r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(row().status()).isEqualTo(RunStatus.FAILED);
        assertThat(row().currentStep()).isEqualTo("publish");
        assertThat(row().step("publish").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(row().step("publish").orElseThrow().error()).contains("SIGTERM");
        assertThat(metrics.calls).endsWith("status:CANCELLED");
        assertThat(row().lease()).isNull();
    }

    @Test
    void cancellingInterruptsRunningSql() throws Exception {
        extraFiles.put("steps/load/50_slow.sql",
                "CREATE OR REPLACE TABLE slow AS SELECT count(*) AS n FROM range(100000000000) a;");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run(cancellation, "input-a"));
        awaitCurrentStep("load", running);
        cancellation.cancel("SIGINT");
        RunResult r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(row().step("load").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(row().currentStep()).isEqualTo("load");
        assertThat(row().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aRunWhoseLeaseIsTakenOverStopsWithoutWritingAgain() throws Exception {
        probe.blocking.add("publish");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run(cancellation, "input-a"));
        assertThat(probe.blocked.await(30, TimeUnit.SECONDS)).isTrue();
        LedgerRow stolen = row();
        LedgerRow thief = stolen.withLease(new Lease("thief:1:1", T0.plusSeconds(600)))
                .withCurrentStep("thief-step").nextVersion(T0);
        ledger.update(thief, stolen.version());
        LedgerRow stored = row();
        // The next heartbeat (every 20 s at the default TTL) or write notices; cancel to make it prompt.
        cancellation.cancel("test");
        RunResult r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(row()).isEqualTo(stored);
        assertThat(stored.lease().owner()).isEqualTo("thief:1:1");
    }

    @Test
    void theHeartbeatKeepsALongStepsLeaseAliveAgainstASecondRunner() throws Exception {
        probe.blocking.add("publish");
        Cancellation cancellation = new Cancellation();
        RunOptions shortLease = new RunOptions(Duration.ofSeconds(3), Duration.ZERO, false, 0.001);
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> runner().run(product(), builtins(), params(),
                shortLease, "input-a", RunListener.NONE, cancellation));
        assertThat(probe.blocked.await(30, TimeUnit.SECONDS)).isTrue();
        Instant firstExpiry = row().lease().expiresAt();
        assertThat(firstExpiry).isEqualTo(T0.plusSeconds(3));
        // An hour passes for the runners: without a beat since, the lease would have lapsed long ago.
        clock.advance(Duration.ofHours(1));
        Instant renewed = T0.plus(Duration.ofHours(1)).plusSeconds(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!row().lease().expiresAt().equals(renewed) && System.nanoTime() < deadline) {
            cancellation.await(Duration.ofMillis(20)); // paces the polling; nobody cancels it here
        }
        assertThat(row().lease().expiresAt()).as("renewed by a heartbeat after the clock moved").isEqualTo(renewed);

        RunResult second = runner().run(product(), builtins(), params(), shortLease, "input-a", RunListener.NONE,
                new Cancellation());
        assertThat(second.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(second.message()).contains(LeaseOwner.current().format());
        cancellation.cancel("test over");
        assertThat(running.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.CANCELLED);
    }

    @Test
    void aLeaseLeftToLapseIsTakenOverOnceTheClockPassesIt() {
        LeaseOwner elsewhere = new LeaseOwner("another-host", 4242, 1);
        ledger.insert(inProgress(elsewhere, T0.plusSeconds(60)));
        assertThat(run().outcome()).isEqualTo(RunOutcome.HELD);
        clock.advance(Duration.ofSeconds(60));
        assertThat(run().outcome()).as("the lease lapses at its expiry").isEqualTo(RunOutcome.COMPLETED);
        assertThat(row().runId()).isEqualTo(4);
    }

    /** Polls the ledger until {@code step} is recorded running; fails if the run ends first. */
    private void awaitCurrentStep(String step, CompletableFuture<RunResult> running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var r = ledger.read(KEY);
            if (r.isPresent() && step.equals(r.get().currentStep())
                    && r.get().step(step).map(StepRecord::status).orElse(null) == StepStatus.RUNNING) {
                return;
            }
            try {
                RunResult ended = running.get(10, TimeUnit.MILLISECONDS); // paces the polling
                throw new AssertionError("the run ended before step " + step + " started: " + ended);
            } catch (TimeoutException stillRunning) {
                // poll again
            }
        }
        throw new AssertionError("step " + step + " never started");
    }

    private LedgerRow inProgress(LeaseOwner owner, Instant leaseExpiry) {
        return new LedgerRow(KEY, "2026-11-20", 3, RunStatus.IN_PROGRESS, "views", owner.localClusterId(),
                "incremental", "/in", "/wh", LedgerRow.timeToExistFor(T0),
                new Lease(owner.format(), leaseExpiry), T0, T0, List.of(), List.of(), null, 5);
    }

    /** A row as the original system wrote it: no lease, no steps, TTL in milliseconds. */
    private static LedgerRow originalRow(RunStatus status, String step) {
        return new LedgerRow(KEY, "2026-11-19", 7, status, step, "j-ORIGINAL", "incremental", "s3://in", "s3://out",
                T0.plus(Duration.ofDays(7)).toEpochMilli(), null, null, null, List.of(), List.of(), null, 0);
    }

    private static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    @Test
    void aCancelAfterTheRunCompletedLeavesItCompletedAndSaysSo() throws Exception {
        probe.blocking.add("tidy");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run(cancellation, "input-a"));
        assertThat(probe.blocked.await(30, TimeUnit.SECONDS)).isTrue();
        cancellation.cancel("SIGTERM");
        RunResult r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).as("a completed run is not to be resumed").isEqualTo(RunOutcome.COMPLETED);
        assertThat(r.message()).contains("the run had completed before");
        assertThat(row().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(row().lease()).isNull();
        assertThat(metrics.calls).doesNotContain("status:CANCELLED").contains("status:COMPLETED");
        probe.blocking.clear(); // else the next run's tidy step waits for a cancel that never comes
        assertThat(runner().run(product(), builtins(), params(), RunOptions.defaults(), "input-a", RunListener.NONE,
                new Cancellation()).plan().start()).as("the next run is a full re-run, not a resume")
                .isEqualTo(StartKind.RERUN);
    }
}
