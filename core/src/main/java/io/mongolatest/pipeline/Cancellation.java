package io.mongolatest.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a run to stop: set from a signal handler, from {@code stop}, or when the lease is lost. Whatever
 * is running registers how to interrupt itself (e.g. the engine's statement cancel).
 */
public final class Cancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile String reason;

    public void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
        cancelled.countDown();
        for (Runnable r : hooks) {
            r.run();
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    public String reason() {
        return reason;
    }

    /** Runs {@code hook} on cancel (at once if already cancelled) until the returned handle is closed. */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (isCancelled()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** Undoes an {@link #onCancel} registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits up to {@code d}; returns true if cancelled meanwhile. Used for grace periods. */
    public boolean await(Duration d) {
        try {
            return cancelled.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
