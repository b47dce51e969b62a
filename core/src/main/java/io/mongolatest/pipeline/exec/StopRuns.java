package io.mongolatest.pipeline.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;

/**
 * {@code stop} for local runs: every live run of this host (or one) is sent SIGTERM, so that it cancels
 * itself and records FAILED at its step (a retry resumes there). Only a process proven to be the run's
 * runner (its recorded start time, and this tool's command line) is signalled; any other is left alone.
 */
public final class StopRuns {
    private StopRuns() {
    }

    public enum Outcome { STOPPED, LEFT_ALONE, STILL_RUNNING }

    /**
     * @param pid    the process signalled, or 0 when none was
     * @param reason why it was left alone, or null
     */
    public record Stopped(RunKey key, long runId, String step, long pid, Outcome outcome, String reason) {
        public Stopped {
            requireNonNull(key, "key is null");
            requireNonNull(outcome, "outcome is null");
        }
    }

    /**
     * @param rows       the ledger rows of the data product
     * @param onlyId     stop only this correlation id, or null for all
     * @param signalling told of each run as it is signalled, before waiting for any
     */
    public static List<Stopped> stop(List<LedgerRow> rows, String onlyId, Duration wait, Instant now,
                                     Consumer<Stopped> signalling) {
        List<Stopped> out = new ArrayList<>();
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        List<Stopped> signalled = new ArrayList<>();
        for (LedgerRow r : rows) {
            if (r.lease() == null || r.lease().expiredAt(now)
                    || onlyId != null && !onlyId.equals(r.key().correlationId())) {
                continue;
            }
            Optional<LeaseOwner> owner = LeaseOwner.parse(r.lease().owner());
            if (owner.isEmpty() || !owner.get().onThisHost()) {
                continue;
            }
            Optional<String> unproven = owner.get().whyNotProvenRunner();
            if (unproven.isPresent()) {
                if (owner.get().alive()) {
                    out.add(new Stopped(r.key(), r.runId(), r.currentStep(), 0, Outcome.LEFT_ALONE, unproven.get()));
                }
                continue;
            }
            Optional<ProcessHandle> p = owner.get().process();
            if (p.isEmpty()) {
                continue;
            }
            Stopped s = new Stopped(r.key(), r.runId(), r.currentStep(), p.get().pid(), Outcome.STOPPED, null);
            signalling.accept(s);
            p.get().destroy(); // SIGTERM: the run cancels itself and records FAILED
            exits.add(p.get().onExit());
            signalled.add(s);
        }
        for (int i = 0; i < exits.size(); i++) {
            Stopped s = signalled.get(i);
            try {
                exits.get(i).get(wait.toMillis(), TimeUnit.MILLISECONDS);
                out.add(s);
            } catch (TimeoutException | ExecutionException e) {
                out.add(new Stopped(s.key(), s.runId(), s.step(), s.pid(), Outcome.STILL_RUNNING,
                        "did not stop within " + wait.toSeconds() + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new Stopped(s.key(), s.runId(), s.step(), s.pid(), Outcome.STILL_RUNNING, "interrupted"));
            }
        }
        return out;
    }
}
