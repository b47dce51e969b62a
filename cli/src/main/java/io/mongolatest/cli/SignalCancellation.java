package io.mongolatest.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mongolatest.ExitCode;
import io.mongolatest.pipeline.Cancellation;

/**
 * Turns SIGINT and SIGTERM into a cancellation of the run: the JVM's shutdown hook asks the run to stop,
 * waits for it to record itself as failed, then ends the process with the run's exit code (4).
 */
final class SignalCancellation implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger(ExitCode.CANCELLED.code());
    private final Thread hook;

    private SignalCancellation(Cancellation cancellation, Runnable flush) {
        this.hook = new Thread(() -> {
            cancellation.cancel("SIGINT or SIGTERM received");
            try {
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flush.run();
            // System.exit cannot set the status from inside shutdown; halt can, and hooks have run.
            Runtime.getRuntime().halt(exitCode.get());
        }, "cancel-on-signal");
    }

    static SignalCancellation install(Cancellation cancellation, Runnable flush) {
        SignalCancellation s = new SignalCancellation(cancellation, flush);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** The run is over with this exit code; a signal arriving now ends the process with it. */
    void finish(int code) {
        exitCode.set(code);
        finished.countDown();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it ends the process with the recorded code.
        }
    }
}
