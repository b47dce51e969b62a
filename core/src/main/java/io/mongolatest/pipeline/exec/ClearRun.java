package io.mongolatest.pipeline.exec;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.plan.RunPlanner;

/**
 * {@code clear}: deletes a run's row, so that its next start is Run_Id 1 (SPEC §4 rule 7). Refused, as HELD,
 * while a live runner holds the run, and when the row changes under it: it never guesses.
 */
public final class ClearRun {
    private ClearRun() {
    }

    /**
     * @param was the row deleted, or null when there was none (or it was deleted meanwhile)
     */
    public record Cleared(RunKey key, LedgerRow was, boolean goneMeanwhile) {
        public Cleared {
            requireNonNull(key, "key is null");
        }
    }

    public static Cleared clear(RunLedger ledger, RunKey key, Instant now) {
        Optional<LedgerRow> row = ledger.read(key);
        if (row.isEmpty()) {
            return new Cleared(key, null, false);
        }
        refuseIfHeld(key, row.get(), now);
        boolean deleted;
        try {
            deleted = ledger.delete(key, row.get().version());
        } catch (LedgerConflictException e) {
            // Changed since it was read, e.g. a runner took it: refuse on what it is now, never guess.
            ledger.read(key).ifPresent(r -> refuseIfHeld(key, r, now));
            throw new MongoLatestException(ErrorKind.HELD, "run " + key + " changed while it was being cleared;"
                    + " nothing was deleted: look at it with mongo-latest status, then clear again");
        }
        return deleted ? new Cleared(key, row.get(), false) : new Cleared(key, null, true);
    }

    private static void refuseIfHeld(RunKey key, LedgerRow row, Instant now) {
        Optional<String> holder = RunPlanner.liveHolder(row, now);
        if (holder.isPresent()) {
            throw new MongoLatestException(ErrorKind.HELD, "run " + key + " is held by " + holder.get()
                    + "; stop it first (mongo-latest stop)");
        }
    }
}
