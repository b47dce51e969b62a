package io.mongolatest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link RunLedger} must have. Each store's test extends this class and says how to
 * open a fresh, empty ledger and a second client of the same store (another process, in effect).
 */
public abstract class RunLedgerContract {
    /** A fixed instant: the stores under test never expire rows by themselves, so nothing depends on now. */
    protected static final Instant T0 = Instant.parse("2026-11-19T08:00:00.123Z");

    protected RunLedger ledger;

    /** A new, empty ledger. Called once per test. */
    protected abstract RunLedger openLedger();

    /** Another client of the store {@link #openLedger()} opened last, as a second process would have. */
    protected abstract RunLedger openSecondClient();

    @BeforeEach
    void open() {
        ledger = openLedger();
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    protected static LedgerRow sampleRow(String correlationId, long version) {
        StepRecord done = new StepRecord("courtesy-flush", StepStatus.SUCCEEDED, T0, T0.plusMillis(1500), 0L, null,
                "sha256:abc", null);
        StepRecord failed = new StepRecord("mongo-latest-build", StepStatus.FAILED, T0.plusSeconds(2),
                T0.plusSeconds(9), null, "Catalog Error: Table with name x does not exist!", null,
                "{\"collections\":[{\"name\":\"core_contract\",\"lines\":12}]}");
        StepRecord notRun = StepRecord.notRun("mongo-latest-views");
        Attempt earlier = new Attempt(1, RunStatus.FAILED, "mongo-latest-build", "local-h-1", T0.minusSeconds(600),
                T0.minusSeconds(500), List.of(done, failed.withStatus(StepStatus.CANCELLED)));
        return new LedgerRow(new RunKey(correlationId, "MONGO_LATEST"), "2026-11-19", 2, RunStatus.IN_PROGRESS,
                "mongo-latest-build", "local-host-42", "incremental", "/data/in", "/data/warehouse",
                LedgerRow.timeToExistFor(T0), new Lease("host:42:1700000000000", T0.plusSeconds(60)), T0,
                T0.plusSeconds(9), List.of(done, failed, notRun), List.of(earlier), samplePlan(), version);
    }

    /** What an attempt decided when it began: every later step process (and launch's cluster) reads it back. */
    private static RecordedPlan samplePlan() {
        return new RecordedPlan("RESUME", "mongo-latest-build", "sha256:input-1", List.of(
                new RecordedPlan.PlannedStep("courtesy-flush", "RUN", "always runs", "sha256:abc"),
                new RecordedPlan.PlannedStep("mongo-latest-build", "RUN", "failed in Run_Id 1", "sha256:def"),
                new RecordedPlan.PlannedStep("mongo-latest-views", "RUN", "after a step that runs", "sha256:0a1")));
    }

    @Test
    void keepsAWarehouseLeaseRowApartFromTheRunsAndReleasesItNamingTheLastWriter() {
        LedgerRow run = sampleRow("corr-1", 1);
        ledger.insert(run);
        String warehouse = "s3://bucket/warehouse";
        RunnerIdentity holder = LeaseOwner.parse("host:42:1700000000000").orElseThrow();
        LedgerRow held = WarehouseLeaseRow.held(warehouse, run, new Lease(holder.owner(), T0.plusSeconds(60)),
                java.util.Optional.empty(), T0);
        ledger.insert(held);

        assertThat(ledger.read(WarehouseLeaseRow.key(warehouse))).contains(held);
        assertThat(held.clusterId()).as("a scan for the run's cluster finds the run alone").isNull();
        assertThat(WarehouseLeaseRow.lastWriter(ledger.read(WarehouseLeaseRow.key(warehouse))))
                .contains("corr-1/MONGO_LATEST");
        assertThat(ledger.list("MONGO_LATEST")).extracting(LedgerRow::key).containsExactly(run.key());

        LedgerRow released = WarehouseLeaseRow.released(held).withLease(null).nextVersion(T0.plusSeconds(5));
        ledger.update(released, held.version());
        LedgerRow stored = ledger.read(WarehouseLeaseRow.key(warehouse)).orElseThrow();
        assertThat(stored.lease()).isNull();
        assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(stored.currentStep()).isEqualTo("corr-1/MONGO_LATEST");
    }

    @Test
    void readsNothingForAnUnknownRun() {
        assertThat(ledger.read(new RunKey("nobody", "MONGO_LATEST"))).isEmpty();
    }

    @Test
    void storesEveryAttributeOfARow() {
        LedgerRow row = sampleRow("corr-1", 1);
        ledger.insert(row);
        assertThat(ledger.read(row.key())).contains(row);
    }

    @Test
    void storesARowWithoutOptionalAttributes() {
        LedgerRow row = new LedgerRow(new RunKey("corr-min", "MONGO_LATEST"), null, 1, RunStatus.COMPLETED, null,
                null, null, null, null, LedgerRow.timeToExistFor(T0), null, null, null, List.of(), List.of(), null, 1);
        ledger.insert(row);
        assertThat(ledger.read(row.key())).contains(row);
    }

    @Test
    void keepsLongStepDetailAndUnicode() {
        String detail = "{\"note\":\"" + "é✓ ".repeat(5000) + "\"}";
        LedgerRow row = sampleRow("corr-unicode-é", 1).withStep(
                new StepRecord("mongo-latest-build", StepStatus.SUCCEEDED, T0, T0, 7L, null, "f", detail));
        ledger.insert(row);
        assertThat(ledger.read(row.key()).orElseThrow().step("mongo-latest-build").orElseThrow().detail())
                .isEqualTo(detail);
    }

    @Test
    void refusesASecondInsertOfTheSameRun() {
        ledger.insert(sampleRow("corr-1", 1));
        assertThatThrownBy(() -> ledger.insert(sampleRow("corr-1", 1))).isInstanceOf(LedgerConflictException.class);
    }

    @Test
    void keepsRunsOfOtherDataProductsApart() {
        LedgerRow a = sampleRow("corr-1", 1);
        LedgerRow b = new LedgerRow(new RunKey("corr-1", "OTHER"), "2026-01-01", 5, RunStatus.COMPLETED, "x",
                null, null, null, null, LedgerRow.timeToExistFor(T0), null, null, null, List.of(), List.of(), null, 3);
        ledger.insert(a);
        ledger.insert(b);
        assertThat(ledger.read(a.key())).contains(a);
        assertThat(ledger.read(b.key())).contains(b);
        assertThat(ledger.list("MONGO_LATEST")).containsExactly(a);
    }

    /** Version 0 too: it is the version of rows that never had one, which stores may treat specially. */
    @ParameterizedTest
    @ValueSource(longs = {1, 0})
    void updatesOnlyFromTheExpectedVersion(long version) {
        LedgerRow row = sampleRow("corr-1", version);
        ledger.insert(row);
        LedgerRow next = row.withStatus(RunStatus.FAILED).nextVersion(T0.plusSeconds(30));
        ledger.update(next, version);
        assertThat(ledger.read(row.key())).contains(next);

        LedgerRow stale = row.withStatus(RunStatus.COMPLETED).nextVersion(T0.plusSeconds(31));
        assertThatThrownBy(() -> ledger.update(stale, version)).isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.read(row.key())).contains(next);
    }

    @Test
    void deletesNothingWhenThereIsNoRowWhateverTheVersion() {
        ledger.insert(sampleRow("corr-other", 2));
        assertThat(ledger.delete(new RunKey("corr-none", "MONGO_LATEST"), 0)).isFalse();
        assertThat(ledger.delete(new RunKey("corr-none", "MONGO_LATEST"), 2)).isFalse();
        assertThat(ledger.read(new RunKey("corr-other", "MONGO_LATEST"))).isPresent();
    }

    @Test
    void refusesToUpdateARunThatIsGone() {
        LedgerRow row = sampleRow("corr-gone", 1);
        assertThatThrownBy(() -> ledger.update(row.nextVersion(T0), 1)).isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.read(row.key())).isEmpty();
    }

    @Test
    void deletesOnlyTheExpectedVersion() {
        LedgerRow row = sampleRow("corr-1", 4);
        ledger.insert(row);
        assertThatThrownBy(() -> ledger.delete(row.key(), 3)).isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.read(row.key())).isPresent();
        assertThat(ledger.delete(row.key(), 4)).isTrue();
        assertThat(ledger.read(row.key())).isEmpty();
        assertThat(ledger.delete(row.key(), 4)).isFalse();
    }

    @Test
    void listsRunsInCorrelationIdOrder() {
        ledger.insert(sampleRow("b", 1));
        ledger.insert(sampleRow("c", 1));
        ledger.insert(sampleRow("a", 1));
        assertThat(ledger.list("MONGO_LATEST")).extracting(r -> r.key().correlationId()).containsExactly("a", "b", "c");
        assertThat(ledger.list("NOTHING")).isEmpty();
    }

    @Test
    void initIsIdempotentAndKeepsRows() {
        LedgerRow row = sampleRow("corr-1", 1);
        ledger.insert(row);
        ledger.init();
        assertThat(ledger.read(row.key())).contains(row);
    }

    @Test
    void aSecondClientSeesTheSameRows() {
        LedgerRow row = sampleRow("corr-shared", 1);
        ledger.insert(row);
        try (RunLedger other = openSecondClient()) {
            assertThat(other.read(row.key())).contains(row);
            other.update(row.withStatus(RunStatus.COMPLETED).nextVersion(T0), 1);
        }
        assertThat(ledger.read(row.key()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void exactlyOneOfManyRacingInsertsWins() throws Exception {
        LedgerRow row = sampleRow("corr-race", 1);
        assertThat(race(8, target -> target.insert(row))).isEqualTo(1);
        assertThat(ledger.read(row.key())).contains(row);
    }

    @Test
    void exactlyOneOfManyRacingUpdatesFromTheSameVersionWins() throws Exception {
        LedgerRow row = sampleRow("corr-race-update", 1);
        ledger.insert(row);
        assertThat(race(8, target -> target.update(row.withCurrentStep(Thread.currentThread().getName())
                .nextVersion(T0), 1))).isEqualTo(1);
        assertThat(ledger.read(row.key()).orElseThrow().version()).isEqualTo(2);
    }

    /**
     * Runs the write from {@code n} threads released together, every other one through a second client;
     * returns how many succeeded. Losers must see {@link LedgerConflictException}, nothing else.
     */
    private int race(int n, Consumer<RunLedger> write) throws Exception {
        List<RunLedger> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RunLedger target = ledger;
                if (i % 2 == 1) {
                    target = openSecondClient();
                    clients.add(target);
                }
                RunLedger client = target;
                Callable<Boolean> task = () -> {
                    start.await();
                    try {
                        write.accept(client);
                        return true;
                    } catch (LedgerConflictException lost) {
                        return false;
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                if (f.get(60, TimeUnit.SECONDS)) {
                    wins++;
                }
            }
            return wins;
        } finally {
            pool.shutdownNow();
            clients.forEach(RunLedger::close);
        }
    }
}
