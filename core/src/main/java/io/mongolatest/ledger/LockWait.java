package io.mongolatest.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sqlite.BusyHandler;

/**
 * Waits for another process's lock on the SQLite ledger, as SQLite's busy timeout would, but says so at
 * once: a run that sits silently for half a minute looks hung.
 */
final class LockWait extends BusyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LockWait.class);
    private static final long PAUSE_MILLIS = 20;

    private final Path file;
    private final Duration timeout;
    private long waitingSince;

    private LockWait(Path file, Duration timeout) {
        this.file = file;
        this.timeout = timeout;
    }

    static void install(Connection connection, Path file, Duration timeout) throws SQLException {
        BusyHandler.setHandler(connection, new LockWait(file, timeout));
    }

    /** Called by SQLite while the file is locked: 1 to try again, 0 to give up with SQLITE_BUSY. */
    @Override
    protected int callback(int previousCalls) {
        long now = System.nanoTime();
        if (previousCalls == 0) {
            waitingSince = now;
            LOG.warn("the ledger {} is locked by another process; waiting up to {} s", file, timeout.toSeconds());
        }
        if (now - waitingSince > timeout.toNanos()) {
            return 0;
        }
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return 1;
    }
}
