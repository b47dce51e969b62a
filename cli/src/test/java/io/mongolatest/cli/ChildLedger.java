package io.mongolatest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.mongolatest.ledger.Lease;
import io.mongolatest.ledger.LedgerJson;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.SqliteLedger;
import io.mongolatest.ledger.StepStatus;

/** The SQLite ledger a child run writes, watched from the test: what the child has recorded, as it records it. */
final class ChildLedger {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path file;
    private final RunKey key;

    ChildLedger(Path file, RunKey key) {
        this.file = file;
        this.key = key;
    }

    /** Polls until the row satisfies {@code condition}; fails if the child ends first or nothing comes in time. */
    LedgerRow await(ChildRun child, String what, Predicate<LedgerRow> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<LedgerRow> row = read();
            if (row.isPresent() && condition.test(row.get())) {
                return row.get();
            }
            if (child.exitsWithin(10)) { // paces the polling
                throw new AssertionError("the run ended before " + what + ": " + child.out() + child.err());
            }
        }
        throw new AssertionError("no " + what + " within " + TIMEOUT_SECONDS + " s: " + read());
    }

    /** Polls until the child records {@code step} as running (and so, unless it is slow, it may end at once). */
    LedgerRow awaitRunning(ChildRun child, String step) throws Exception {
        return await(child, step + " running", r -> running(r, step, child));
    }

    /**
     * Kills the child with SIGKILL while the ledger says {@code step} is running. The check and the kill happen
     * while this test holds the ledger's write lock, so the child cannot record anything in between: it dies
     * with {@code step} recorded as running, whatever it did to the data meanwhile.
     */
    void killWhileRunning(ChildRun child, String step) throws Exception {
        killWhileRunning(child, step, () -> true);
    }

    /** The same, once {@code also} holds too (e.g. the step has begun to write), checked under the same lock. */
    void killWhileRunning(ChildRun child, String step, java.util.function.BooleanSupplier also) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (inWalMode()) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 30000");
                    s.execute("BEGIN IMMEDIATE");
                    Optional<LedgerRow> row = readIn(c);
                    if (row.isPresent() && running(row.get(), step, child) && also.getAsBoolean()) {
                        child.kill();
                        s.execute("ROLLBACK");
                        return;
                    }
                    if (row.isPresent() && heldBy(row.get(), child) && row.get().step(step)
                            .map(x -> x.status() == StepStatus.SUCCEEDED).orElse(false)) {
                        throw new AssertionError(step + " ended before the test could catch it running: " + row);
                    }
                    s.execute("ROLLBACK");
                }
            }
            if (child.exitsWithin(5)) { // paces the polling
                throw new AssertionError("the run ended before " + step + " started: " + child.out() + child.err());
            }
        }
        throw new AssertionError(step + " never started");
    }

    Optional<LedgerRow> read() throws IOException {
        if (!inWalMode()) {
            return Optional.empty();
        }
        try (SqliteLedger ledger = SqliteLedger.open(file)) {
            return ledger.read(key);
        }
    }

    /**
     * Whether the child has set the file up (WAL journaling, bytes 18 and 19 of the header): until then the
     * test keeps off it, since opening it meanwhile could make the child's own setup fail as busy.
     */
    private boolean inWalMode() throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(header, 0, header.length) == header.length && header[18] == 2 && header[19] == 2;
        }
    }

    private Optional<LedgerRow> readIn(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT Status, CurrentStep, Steps, Lease_Owner FROM data_pipeline_metadata"
                + " WHERE Correlation_Id = ? AND DataProduct = ?")) {
            ps.setString(1, key.correlationId());
            ps.setString(2, key.dataProduct());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // Only what running() and heldBy() look at.
                Lease lease = rs.getString(4) == null ? null : new Lease(rs.getString(4), Instant.EPOCH);
                return Optional.of(new LedgerRow(key, null, 1, RunStatus.valueOf(rs.getString(1)), rs.getString(2),
                        null, null, null, null, 0, lease, null, null, new LedgerJson().stepsFromJson(rs.getString(3)),
                        List.of(), null, 0));
            }
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether {@code child} holds the run and has recorded {@code step} as running. */
    static boolean running(LedgerRow r, String step, ChildRun child) {
        return heldBy(r, child) && r.status() == RunStatus.IN_PROGRESS && step.equals(r.currentStep())
                && r.step(step).map(s -> s.status() == StepStatus.RUNNING).orElse(false);
    }

    /** Whether the row's lease is {@code child}'s (owner {@code host:pid:start}): not a row left by a run before. */
    static boolean heldBy(LedgerRow r, ChildRun child) {
        return r.lease() != null && r.lease().owner().contains(":" + child.pid() + ":");
    }
}
