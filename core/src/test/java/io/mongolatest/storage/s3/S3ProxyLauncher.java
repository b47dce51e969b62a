package io.mongolatest.storage.s3;

import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of the s3proxy child process: it starts s3proxy's own main and halts the JVM as soon as its
 * standard input closes, which happens when the test JVM that started it ends, even by {@code kill -9}.
 * s3proxy itself does not watch its input. This class is copied alone next to the s3proxy jar, so it uses
 * nothing but the JDK and has no nested classes.
 */
public final class S3ProxyLauncher {
    static final String MAIN = "org.gaul.s3proxy.Main";

    private S3ProxyLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(S3ProxyLauncher::haltWhenInputCloses, "s3proxy-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName(MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void haltWhenInputCloses() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // The parent never writes; anything it might is ignored.
            }
        } catch (IOException e) {
            // A broken pipe is a parent gone too.
        }
        // Nothing to save (the store is in memory), and a halt cannot hang on shutdown hooks.
        Runtime.getRuntime().halt(0);
    }
}
