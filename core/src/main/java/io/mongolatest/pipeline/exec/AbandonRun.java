package io.mongolatest.pipeline.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;

/**
 * A run whose holder is known to have ended without recording it (a cluster terminated, stopped or died):
 * its attempt is recorded FAILED at its current step, the step that was running CANCELLED, the lease released,
 * so that the next attempt resumes there at once instead of waiting for the lease to run out.
 */
public final class AbandonRun {
    private AbandonRun() {
    }

    /**
     * @param holder the lease owner that ended (e.g. {@code emr:j-…}); a row held by anyone else is left alone
     * @return the row as recorded, or empty when the row was not the holder's (or changed meanwhile)
     */
    public static Optional<LedgerRow> abandon(RunLedger ledger, LedgerRow row, String holder, String reason,
                                              Instant now) {
        if (row.status() != RunStatus.IN_PROGRESS || row.lease() == null || !row.lease().owner().equals(holder)) {
            return Optional.empty();
        }
        List<StepRecord> steps = new ArrayList<>();
        for (StepRecord s : row.steps()) {
            steps.add(s.status() == StepStatus.RUNNING ? new StepRecord(s.name(), StepStatus.CANCELLED, s.startedAt(),
                    now, null, "cancelled: " + reason, s.fingerprint(), null) : s);
        }
        LedgerRow next = row.withSteps(steps).withStatus(RunStatus.FAILED).withLease(null).nextVersion(now);
        try {
            ledger.update(next, row.version());
            return Optional.of(next);
        } catch (LedgerConflictException e) {
            return Optional.empty();
        }
    }
}
