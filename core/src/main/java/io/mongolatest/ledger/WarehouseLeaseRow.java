package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The ledger row that says which run writes a warehouse (SPEC §7: one writer at a time), kept in the run
 * ledger beside the runs so that it needs no store of its own and gets the same compare-and-set. It is a row
 * of another data product, so it never shows among the runs:
 * <ul>
 *   <li>{@code Correlation_Id} {@code warehouse:<location>}, {@code DataProduct} {@value #DATA_PRODUCT};</li>
 *   <li>{@code CurrentStep}: the run ({@code correlation id/data product}) that holds it, or held it last;</li>
 *   <li>{@code Status} IN_PROGRESS with a lease while held, COMPLETED without one once released;</li>
 *   <li>{@code Date}, {@code Run_Id}: that run's, for messages. No {@code Cluster_Id}: the original's relauncher
 *   finds a run by scanning for its cluster id, and must find the run alone.</li>
 * </ul>
 * The last holder stays named after the release: a retry that would skip steps checks that no other run wrote
 * the warehouse since.
 */
public final class WarehouseLeaseRow {
    public static final String DATA_PRODUCT = "mongo-latest:warehouse-lease";

    private WarehouseLeaseRow() {
    }

    public static RunKey key(String warehouse) {
        return new RunKey("warehouse:" + requireNonNull(warehouse, "warehouse is null"), DATA_PRODUCT);
    }

    /** The run that holds the warehouse or held it last, as {@link RunKey#toString()} gives it. */
    public static Optional<String> lastWriter(Optional<LedgerRow> leaseRow) {
        return leaseRow.map(LedgerRow::currentStep);
    }

    /** The row that makes {@code run} the holder, with {@code lease}, as the next version of {@code previous}. */
    public static LedgerRow held(String warehouse, LedgerRow run, Lease lease, Optional<LedgerRow> previous,
                                 Instant now) {
        return new LedgerRow(key(warehouse), run.date(), run.runId(), RunStatus.IN_PROGRESS, run.key().toString(),
                null, null, null, warehouse, LedgerRow.timeToExistFor(now), lease, now, now,
                List.of(), List.of(), null, previous.map(LedgerRow::version).orElse(0L)).nextVersion(now);
    }

    /** Released: no lease, and the holder stays named as the last writer. */
    public static LedgerRow released(LedgerRow held) {
        return held.withStatus(RunStatus.COMPLETED);
    }

    /** The holder, for a message: run, attempt, runner and until when. */
    public static String describe(LedgerRow leaseRow) {
        String runner = leaseRow.lease() == null ? "" : ", " + leaseRow.lease().owner() + ", lease until "
                + leaseRow.lease().expiresAt().truncatedTo(ChronoUnit.SECONDS);
        return "run " + leaseRow.currentStep() + " (attempt " + leaseRow.runId() + runner + ")";
    }
}
