package io.mongolatest.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import io.mongolatest.ServerProcesses;

/**
 * moto's server (open-source stand-ins for AWS control planes: Glue, DynamoDB, S3) as a child process on
 * 127.0.0.1, on a port it picks and prints, in memory. It runs under a few lines of Python that end it when its
 * standard input closes, so it dies with the JVM that started it however that ends; {@link #close} ends it
 * sooner. Any credentials and region do. Started through {@link MotoExtension}, once per test JVM.
 */
public final class MotoServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Werkzeug's line once it listens: {@code * Running on http://127.0.0.1:43801}. */
    private static final Pattern RUNNING = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");
    // moto_server's own main, with a thread that exits when the parent's pipe closes (moto does not watch it).
    private static final String LAUNCHER = String.join("\n",
            "import os, sys, threading",
            "def watch():",
            "    while sys.stdin.buffer.read(1):",
            "        pass",
            "    os._exit(0)",
            "threading.Thread(target=watch, daemon=True).start()",
            "from moto.server import main",
            "main(sys.argv[1:])");

    private final Process process;
    private final URI endpoint;
    private final StringBuffer output;

    private MotoServer(Process process, URI endpoint, StringBuffer output) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
    }

    /** Starts one with the Python that has moto installed; fails the test if there is none. */
    public static MotoServer start() {
        String python = ServerProcesses.onPath("python3").map(Object::toString).orElseThrow(
                () -> new IllegalStateException("no python3 on PATH: moto's server runs on it"));
        Process process;
        try {
            process = new ProcessBuilder(python, "-c", LAUNCHER, "-H", "127.0.0.1", "-p", "0")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto's server", e);
        }
        StringBuffer output = new StringBuffer();
        int port = ServerProcesses.awaitPort(process, output, RUNNING, "moto's server", START_TIMEOUT);
        return new MotoServer(process, URI.create("http://127.0.0.1:" + port), output);
    }

    /** The base URL of every service it stands in for, e.g. {@code http://127.0.0.1:43801}. */
    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    /** Forgets everything every service of it holds (moto's {@code POST /moto-api/reset}). */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("moto's reset answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset moto at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What it printed so far: its request log. */
    public String output() {
        return output.toString();
    }

    @Override
    public void close() {
        ServerProcesses.stopByClosingInput(process, STOP_TIMEOUT); // the launcher's watcher ends it
    }
}
