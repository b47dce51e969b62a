package io.mongolatest.engine.spark;

import java.io.IOException;
import java.util.Arrays;

/**
 * Runs the main class named by the first argument, and exits when standard input ends: the test JVM holds
 * the other end, so the child ends with it however it ends, {@code kill -9} included.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; only the end matters
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone all the same
            }
            // Runs the shutdown hooks: a worker kills its executors in one.
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName(args[0]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
