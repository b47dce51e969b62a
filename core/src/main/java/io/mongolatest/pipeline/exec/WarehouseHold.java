package io.mongolatest.pipeline.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.mongolatest.DurationText;
import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.WarehouseLeaseRow;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunParts;
import io.mongolatest.pipeline.plan.RunPlanner;

/**
 * Takes the warehouse's writer lease for a run this process holds (SPEC §7): two runs never write one
 * warehouse at once. While another live run holds it, this one waits, at most {@code --warehouse-wait}, then
 * gives up naming the holder (exit 3). The lease is held like the run's own: a heartbeat renews it, a process
 * that hands the attempt over leaves it to the next step process of the same run, and a holder that died is
 * taken over once its lease lapses.
 */
final class WarehouseHold {
    private static final long POLL_MILLIS = 1000;

    private final RunParts parts;
    private final Duration leaseTtl;
    private final Duration wait;
    private final RunListener listener;
    private final Cancellation cancellation;

    WarehouseHold(RunParts parts, Duration leaseTtl, Duration wait, RunListener listener, Cancellation cancellation) {
        this.parts = parts;
        this.leaseTtl = leaseTtl;
        this.wait = wait;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * Takes the lease of {@code warehouse} for {@code run}. {@code wroteAlready}: the attempt has skipped or
     * run steps whose output is in the warehouse, so a warehouse another run wrote since cannot be continued.
     *
     * @throws MongoLatestException of kind HELD when the wait ran out or another run wrote the warehouse under
     *                              this attempt; of kind CANCELLED when the run was cancelled while waiting
     */
    RunSession take(String warehouse, LedgerRow run, boolean wroteAlready) {
        RunKey key = WarehouseLeaseRow.key(warehouse);
        long started = System.nanoTime();
        boolean told = false;
        while (true) {
            Optional<LedgerRow> current = parts.ledger().read(key);
            Instant now = parts.clock().instant();
            Optional<String> lastWriter = WarehouseLeaseRow.lastWriter(current);
            boolean otherRun = lastWriter.isPresent() && !lastWriter.get().equals(run.key().toString());
            if (otherRun && current.flatMap(r -> RunPlanner.liveHolder(r, now)).isPresent()) {
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                if (waited.compareTo(wait) >= 0) {
                    throw new MongoLatestException(ErrorKind.HELD, "the warehouse " + warehouse + " is being written by "
                            + WarehouseLeaseRow.describe(current.get()) + "; gave up after waiting "
                            + DurationText.format(wait) + " (--warehouse-wait)");
                }
                if (!told) {
                    listener.warning("the warehouse " + warehouse + " is being written by "
                            + WarehouseLeaseRow.describe(current.get()) + "; waiting for it, at most "
                            + DurationText.format(wait) + " (--warehouse-wait)");
                    told = true;
                }
                pause(wait.minus(waited));
                continue;
            }
            if (otherRun && wroteAlready) {
                throw new MongoLatestException(ErrorKind.HELD, "the warehouse " + warehouse + " was written by "
                        + WarehouseLeaseRow.describe(current.get()) + " after this attempt of run " + run.key()
                        + " had begun; run it again: the next attempt runs every step");
            }
            LedgerRow mine = WarehouseLeaseRow.held(warehouse, run,
                    new Lease(parts.identity().owner(), now.plus(leaseTtl)), current, now);
            try {
                RunSession session = RunSession.take(parts.ledger(), parts.clock(), leaseTtl, cancellation,
                        current.orElse(null), mine);
                if (told) {
                    // Whole seconds: the wait is polled once a second anyway.
                    listener.warning("the warehouse " + warehouse + " is free; going on after waiting "
                            + DurationText.format(Duration.ofSeconds(Math.max(1,
                            Duration.ofNanos(System.nanoTime() - started).toSeconds()))));
                }
                return session;
            } catch (LedgerConflictException e) {
                // Another run took it between the read and the write: look again.
            }
        }
    }

    private void pause(Duration left) {
        if (cancellation.await(Duration.ofMillis(Math.max(1, Math.min(POLL_MILLIS, left.toMillis()))))) {
            throw cancelled();
        }
    }

    private MongoLatestException cancelled() {
        return new MongoLatestException(ErrorKind.CANCELLED, "cancelled while waiting for the warehouse: "
                + (cancellation.reason() == null ? "interrupted" : cancellation.reason()));
    }
}
