package io.mongolatest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.ledger.WarehouseLeaseRow;
import io.mongolatest.metrics.StatusMetrics;
import io.mongolatest.pipeline.housekeeping.Housekeeping;
import io.mongolatest.pipeline.model.ProductPackage;
import io.mongolatest.pipeline.plan.StepAction;
import io.mongolatest.pipeline.plan.StepPlan;
import io.mongolatest.product.MongoArguments;

/**
 * The warehouse's writer lease (SPEC §7): runs of different correlation ids on one warehouse write it one after
 * the other; the second waits at most {@code --warehouse-wait} and gives up naming the first; a retry never skips
 * a step whose output another run has replaced since.
 */
class WarehouseLeaseTest {
    private static final String PIPELINE = """
            data_product: TEST_PRODUCT
            version: "1"
            steps:
              - name: prepare
                builtin: probe
              - name: load
                sql: true
              - name: publish
                builtin: probe
            """;
    private static final RunKey FIRST = new RunKey("corr-1", "TEST_PRODUCT");
    private static final RunKey SECOND = new RunKey("corr-2", "TEST_PRODUCT");

    @TempDir
    Path dir;

    private SqliteLedger ledger;
    private Probe probe;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() {
        ledger = SqliteLedger.open(dir.resolve("ledger.db"));
        probe = new Probe(ledger);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void aSecondRunWaitsWhileTheFirstWritesTheWarehouseAndGoesOnOnceItEnds() throws Exception {
        probe.blocking.add("publish");
        Cancellation firstCancel = new Cancellation();
        CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> run(FIRST, firstCancel, options(60)));
        assertThat(probe.blocked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(leaseRow().currentStep()).isEqualTo(FIRST.toString());
        assertThat(leaseRow().lease()).isNotNull();

        CompletableFuture<RunResult> second = CompletableFuture.supplyAsync(
                () -> run(SECOND, new Cancellation(), options(60)));
        awaitWarning("is being written by run " + FIRST);
        assertThat(warnings.get(0)).contains("waiting for it, at most 1m (--warehouse-wait)");
        LedgerRow waiting = ledger.read(SECOND).orElseThrow();
        assertThat(waiting.status()).isEqualTo(RunStatus.IN_PROGRESS);
        assertThat(waiting.steps()).as("nothing of the second run ran yet")
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.NOT_RUN));
        assertThat(probe.ran).containsExactly("prepare", "publish");

        probe.blocking.clear();
        firstCancel.cancel("the first run is stopped");
        assertThat(first.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.CANCELLED);
        RunResult r = second.get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(probe.ran).containsExactly("prepare", "publish", "prepare", "publish");
        assertThat(warnings).anySatisfy(w -> assertThat(w).containsPattern("is free; going on after waiting"
                + " ([0-9]+s|[0-9]+m)$"));
        LedgerRow released = leaseRow();
        assertThat(released.lease()).isNull();
        assertThat(released.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(released.currentStep()).as("the last writer").isEqualTo(SECOND.toString());
        assertThat(ledger.list("TEST_PRODUCT")).as("the lease is no run").extracting(LedgerRow::key)
                .containsExactly(FIRST, SECOND);
    }

    @Test
    void aSecondRunGivesUpAfterItsWaitNamingTheHolderAndLeavesNoTraceOfItself() throws Exception {
        probe.blocking.add("publish");
        Cancellation firstCancel = new Cancellation();
        CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> run(FIRST, firstCancel, options(60)));
        assertThat(probe.blocked.await(30, TimeUnit.SECONDS)).isTrue();

        RunResult second = run(SECOND, new Cancellation(), options(1));

        assertThat(second.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(second.message()).startsWith("the warehouse " + dir.resolve("wh") + " is being written by run "
                + FIRST + " (attempt 1, " + LeaseOwner.current().format()).endsWith("gave up after waiting 1s"
                + " (--warehouse-wait)");
        assertThat(ledger.read(SECOND)).as("given back: no attempt spent").isEmpty();
        assertThat(leaseRow().currentStep()).isEqualTo(FIRST.toString());
        firstCancel.cancel("test over");
        assertThat(first.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.CANCELLED);
    }

    @Test
    void aRetryRunsEveryStepWhenAnotherRunWroteTheWarehouseSinceItFailed() {
        probe.failing.add("publish");
        assertThat(run(FIRST, new Cancellation(), options(60)).outcome()).isEqualTo(RunOutcome.FAILED);
        probe.failing.clear();
        assertThat(run(SECOND, new Cancellation(), options(60)).outcome()).isEqualTo(RunOutcome.COMPLETED);

        RunResult retry = run(FIRST, new Cancellation(), options(60));

        assertThat(retry.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(retry.plan().steps()).extracting(StepPlan::action).containsOnly(StepAction.RUN);
        assertThat(retry.plan().steps().get(0).reason()).isEqualTo("retry from the start: run " + SECOND
                + " wrote the warehouse after run 1 failed");
    }

    @Test
    void aRetryResumesAtItsFailedStepWhenNoOtherRunWroteTheWarehouse() {
        probe.failing.add("publish");
        assertThat(run(FIRST, new Cancellation(), options(60)).outcome()).isEqualTo(RunOutcome.FAILED);
        probe.failing.clear();

        RunResult retry = run(FIRST, new Cancellation(), options(60));

        assertThat(retry.plan().resumeStep()).isEqualTo("publish");
        assertThat(retry.plan().steps()).extracting(StepPlan::action)
                .containsExactly(StepAction.SKIP, StepAction.SKIP, StepAction.RUN);
    }

    @Test
    void theWarehouseOfAHolderWhoseProcessDiedIsTakenAtOnce() {
        LeaseOwner self = LeaseOwner.current();
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        LeaseOwner dead = new LeaseOwner(self.host(), pid, 1);
        String warehouse = dir.resolve("wh").toString();
        LedgerRow deadRun = new LedgerRow(new RunKey("corr-dead", "TEST_PRODUCT"), "2026-11-20", 1,
                RunStatus.IN_PROGRESS, "load", dead.localClusterId(), "incremental", "/in", warehouse, 0, null,
                null, null, List.of(), List.of(), null, 0);
        Instant now = Instant.now();
        ledger.insert(WarehouseLeaseRow.held(warehouse, deadRun, new Lease(dead.format(), now.plusSeconds(3600)),
                Optional.empty(), now));

        RunResult r = run(FIRST, new Cancellation(), options(0));

        assertThat(r.outcome()).as(r.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(warnings).isEmpty();
    }

    private LedgerRow leaseRow() {
        return ledger.read(WarehouseLeaseRow.key(dir.resolve("wh").toString())).orElseThrow();
    }

    /** Waits, at most 30 s, for a warning containing {@code text}, as the listener hands them over. */
    private void awaitWarning(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String w = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(w).as("no warning containing '" + text + "': " + warnings).isNotNull();
            if (w.contains(text)) {
                return;
            }
        }
    }

    private static RunOptions options(int warehouseWaitSeconds) {
        return new RunOptions(RunOptions.DEFAULT_LEASE_TTL, Duration.ZERO, false, RunOptions.DEFAULT_MAX_BAD_FRACTION,
                false, Duration.ofSeconds(warehouseWaitSeconds));
    }

    private RunResult run(RunKey key, Cancellation cancellation, RunOptions options) {
        RunParameters params = MongoArguments.params(key.correlationId(), LocalDate.parse("2026-11-20"),
                SnapshotType.INCREMENTAL, dir.resolve("in"), dir.resolve("wh"));
        EngineSettings settings = new EngineSettings(dir.resolve("wh"), DataSize.ofMebibytes(256),
                dir.resolve("tmp-" + key.correlationId()), 1, false);
        RunListener listener = new RunListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
                arrived.add(message);
            }
        };
        return new TestRunner(ledger, new DuckDbEngine(), settings, StatusMetrics.none(), Clock.systemUTC(),
                dir).run(product(), builtins(), params, options, "input-" + key.correlationId(), listener, cancellation);
    }

    private ProductPackage product() {
        return TestProducts.withPipeline(PIPELINE)
                .file("steps/load/10_table.sql", "CREATE OR REPLACE TABLE t AS SELECT ${correlation_id} AS c;")
                .load(builtins().keySet());
    }

    private Map<String, BuiltinStep> builtins() {
        Map<String, BuiltinStep> b = new HashMap<>(Housekeeping.builtins());
        b.put("probe", probe);
        return b;
    }
}
