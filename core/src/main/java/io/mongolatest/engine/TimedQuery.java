package io.mongolatest.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mongolatest.DurationText;
import io.mongolatest.MongoLatestException;

/**
 * A reader's query with a time limit ({@code query --timeout}): when the limit is reached the engine interrupts the
 * statement, so that a runaway query (a recursive CTE without end) stops instead of running until killed.
 */
public record TimedQuery(Duration timeout) {
    public TimedQuery {
        if (timeout.isNegative() || timeout.isZero()) {
            throw MongoLatestException.user("--timeout must be more than 0, not " + DurationText.format(timeout));
        }
    }

    /**
     * The result of {@code sql}; a user error saying so when it ran longer than the timeout: the reader's query
     * is theirs to narrow, or the limit theirs to raise, as with any other mistake in the query.
     */
    public QueryResult run(EngineSession session, String sql) {
        AtomicBoolean reached = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "query-timeout");
            t.setDaemon(true);
            return t;
        });
        try {
            timer.schedule(() -> {
                reached.set(true);
                session.cancel();
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            return session.query(sql);
        } catch (SqlFailure e) {
            if (e.interrupted() && reached.get()) {
                throw MongoLatestException.user("query stopped after " + DurationText.format(timeout)
                        + ": --timeout reached", e);
            }
            throw e;
        } finally {
            timer.shutdownNow();
        }
    }
}
