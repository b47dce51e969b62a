package io.mongolatest.pipeline.exec;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunnerIdentity;
import io.mongolatest.pipeline.Cancellation;

/**
 * The ledger row of a run this process holds. Every change is a compare-and-set from the version last
 * written; a heartbeat renews the lease; losing a compare-and-set means another runner took the run over,
 * and cancels this one.
 */
final class RunSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    private final RunLedger ledger;
    private final Clock clock;
    private final Duration leaseTtl;
    private final Cancellation cancellation;
    private final ScheduledExecutorService heartbeat;
    private LedgerRow row;
    private boolean lost;

    private RunSession(RunLedger ledger, Clock clock, Duration leaseTtl, Cancellation cancellation, LedgerRow row) {
        this.ledger = ledger;
        this.clock = clock;
        this.leaseTtl = leaseTtl;
        this.cancellation = cancellation;
        this.row = row;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes the run with one conditional write: an insert when there was no row, else an update from
     * the version the plan read. Throws {@link LedgerConflictException} when another runner got there first.
     */
    static RunSession take(RunLedger ledger, Clock clock, Duration leaseTtl, Cancellation cancellation,
                           LedgerRow previous, LedgerRow first) {
        try {
            if (previous == null) {
                ledger.insert(first);
            } else {
                ledger.update(first, previous.version());
            }
        } catch (LedgerConflictException e) {
            if (!landed(ledger.read(first.key()), first)) {
                throw e;
            }
        }
        RunSession s = new RunSession(ledger, clock, leaseTtl, cancellation, first);
        long period = Math.max(1000, leaseTtl.toMillis() / 3);
        s.heartbeat.scheduleWithFixedDelay(s::renew, period, period, TimeUnit.MILLISECONDS);
        return s;
    }

    /**
     * Takes over an attempt another process of the same run left between two steps (or died in): one
     * conditional write from the version it left, with this process's lease.
     */
    static RunSession takeOver(RunLedger ledger, Clock clock, Duration leaseTtl, Cancellation cancellation,
                               LedgerRow left, String owner) {
        LedgerRow mine = left.withLease(new Lease(owner, clock.instant().plus(leaseTtl))).nextVersion(clock.instant());
        return take(ledger, clock, leaseTtl, cancellation, left, mine);
    }

    /**
     * This process is done with the attempt, which goes on in another: the lease stays written with a full
     * term (for a cluster, its next step process renews it; a local process is seen dead once it exits).
     */
    synchronized void handOver() {
        heartbeat.shutdownNow();
        if (!lost) {
            write(UnaryOperator.identity());
        }
    }

    /**
     * Hands the attempt to another runner (a cluster this process launched): one write that names it as the
     * holder and the {@code Cluster_Id}, with a lease until {@code until}; this process stops renewing it.
     */
    synchronized LedgerRow assignTo(RunnerIdentity holder, Instant until) {
        heartbeat.shutdownNow();
        if (lost) {
            throw new LeaseLostException("the run was taken over by another runner; this one stopped writing");
        }
        LedgerRow next = new LedgerRow(row.key(), row.date(), row.runId(), row.status(), row.currentStep(),
                holder.clusterId(), row.snapshotType(), row.snapshotsPrefix(), row.outputPrefix(), row.timeToExist(),
                new Lease(holder.owner(), until), row.startedAt(), row.updatedAt(), row.steps(), row.attempts(),
                row.plan(), row.version()).nextVersion(clock.instant());
        store(next);
        return next;
    }

    /**
     * Undoes the taking of the run, when what was to hold it never started (e.g. EMR refused the cluster): the
     * row goes back to what it was before, or away if there was none, so that no retry is spent on it.
     */
    synchronized void giveBack(LedgerRow before) {
        heartbeat.shutdownNow();
        if (lost) {
            return;
        }
        if (before == null) {
            ledger.delete(row.key(), row.version());
        } else {
            LedgerRow restored = new LedgerRow(before.key(), before.date(), before.runId(), before.status(),
                    before.currentStep(), before.clusterId(), before.snapshotType(), before.snapshotsPrefix(),
                    before.outputPrefix(), before.timeToExist(), before.lease(), before.startedAt(), before.updatedAt(),
                    before.steps(), before.attempts(), before.plan(), row.version()).nextVersion(clock.instant());
            store(restored);
        }
        lost = true; // nothing more is written by this session
    }

    synchronized LedgerRow row() {
        return row;
    }

    /** Writes {@code change} of the current row, with the lease pushed out. */
    synchronized LedgerRow write(UnaryOperator<LedgerRow> change) {
        if (lost) {
            throw new LeaseLostException("the run was taken over by another runner; this one stopped writing");
        }
        LedgerRow next = change.apply(row).withLease(new Lease(row.lease().owner(),
                clock.instant().plus(leaseTtl))).nextVersion(clock.instant());
        store(next);
        return next;
    }

    /** The last write: the lease is released, so the next runner need not wait for it to expire. */
    synchronized LedgerRow finish(UnaryOperator<LedgerRow> change) {
        heartbeat.shutdownNow();
        if (lost) {
            throw new LeaseLostException("the run was taken over by another runner; this one stopped writing");
        }
        LedgerRow next = change.apply(row).withLease(null).nextVersion(clock.instant());
        store(next);
        return next;
    }

    private synchronized void renew() {
        if (lost || row.lease() == null) {
            return;
        }
        try {
            write(UnaryOperator.identity());
        } catch (LeaseLostException e) {
            LOG.warn("{}", e.getMessage());
        } catch (RuntimeException e) {
            // The store is unreachable for now; the lease lasts leaseTtl, so later beats may still save it.
            LOG.warn("lease heartbeat failed: {}", e.getMessage());
        }
    }

    private void store(LedgerRow next) {
        try {
            ledger.update(next, row.version());
            row = next;
        } catch (LedgerConflictException e) {
            // A retried write whose first try landed also reports a conflict: read back before giving up.
            Optional<LedgerRow> now = ledger.read(row.key());
            if (landed(now, next)) {
                row = next;
                return;
            }
            markLost();
            throw new LeaseLostException("run " + row.key() + " was taken over by another runner: " + holderOf(now));
        } catch (MongoLatestException e) {
            if (e.kind() != ErrorKind.EXTERNAL) {
                throw e;
            }
            // The write may or may not have landed: read back rather than write again blindly.
            if (landed(ledger.read(row.key()), next)) {
                row = next;
                return;
            }
            throw e;
        }
    }

    /** Whether the stored row is the one this runner wrote (same version and lease owner). */
    private static boolean landed(Optional<LedgerRow> stored, LedgerRow written) {
        if (stored.isEmpty() || stored.get().version() != written.version()) {
            return false;
        }
        Lease mine = written.lease();
        Lease theirs = stored.get().lease();
        return mine == null ? theirs == null : theirs != null && theirs.owner().equals(mine.owner());
    }

    private void markLost() {
        lost = true;
        heartbeat.shutdownNow();
        cancellation.cancel("lease lost");
    }

    boolean lost() {
        synchronized (this) {
            return lost;
        }
    }

    private static String holderOf(Optional<LedgerRow> r) {
        return r.map(x -> x.lease() == null ? "status " + x.status() : "held by " + x.lease().owner())
                .orElse("its row was cleared");
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
