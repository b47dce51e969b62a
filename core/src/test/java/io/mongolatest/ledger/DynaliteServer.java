package io.mongolatest.ledger;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.mongolatest.ServerProcesses;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (an open-source DynamoDB implementation in Node.js) as a child process: in memory, on 127.0.0.1, on
 * a port it picks itself and reports. The child exits when its standard input closes, which happens when this
 * JVM ends however it ends. Started through {@link DynaliteExtension}, once per test JVM.
 */
public final class DynaliteServer implements AutoCloseable {
    /** Where {@code package.json}, the lock file, the start script and {@code node_modules} are. */
    static final String HOME_PROPERTY = "mongolatest.test.node";
    private static final Path HOME_IN_REPOSITORY = Path.of("core", "src", "test", "node");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern LISTENING = Pattern.compile("dynalite listening on port (\\d+)");

    private final Process process;
    private final URI endpoint;
    private final StringBuffer output;

    private DynaliteServer(Process process, URI endpoint, StringBuffer output) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
    }

    static DynaliteServer start() {
        Path home = home();
        Path node = node();
        if (!Files.isRegularFile(home.resolve("node_modules/dynalite/package.json"))) {
            fail("dynalite is not installed in " + home + ": run ./run-tests at the repository root, or there "
                    + "npm ci --ignore-scripts");
        }
        Process process;
        try {
            process = new ProcessBuilder(node.toString(), "dynalite-server.js").directory(home.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + node, e);
        }
        StringBuffer output = new StringBuffer();
        try {
            int port = ServerProcesses.awaitPort(process, output, LISTENING, "dynalite", START_TIMEOUT);
            DynaliteServer server = new DynaliteServer(process, URI.create("http://127.0.0.1:" + port), output);
            server.awaitReady(System.nanoTime() + START_TIMEOUT.toNanos());
            return server;
        } catch (RuntimeException e) {
            process.destroyForcibly();
            return fail("dynalite did not start: " + e + "\n" + output);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A plain SDK client of this server (any credentials and region do); the caller closes it. */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** The child's process id, so that tests can check it goes away with its JVM. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ServerProcesses.stopByClosingInput(process, STOP_TIMEOUT); // the child exits when its stdin closes
    }

    /** {@code GET /} answers 200 once dynalite serves requests; asked until then, within the deadline. */
    private void awaitReady(long deadline) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).GET().build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "GET / answered HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            if (process.waitFor(50, TimeUnit.MILLISECONDS)) { // paces the probe; ends it if the child died
                throw new IllegalStateException("dynalite exited with " + process.exitValue());
            }
        }
        throw new IllegalStateException("not ready within " + START_TIMEOUT.toSeconds() + " s: " + last);
    }

    /** The folder with the committed {@code package.json}: from the build, else looked up from here upwards. */
    private static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(HOME_IN_REPOSITORY).resolve("package.json"))) {
                return dir.resolve(HOME_IN_REPOSITORY);
            }
        }
        return fail("cannot find " + HOME_IN_REPOSITORY + " above " + Path.of("").toAbsolutePath()
                + "; set -D" + HOME_PROPERTY);
    }

    private static Path node() {
        return ServerProcesses.onPath("node").or(() -> ServerProcesses.onPath("nodejs")).orElseGet(() -> fail(
                "Node.js is not installed (no node on PATH): run ./run-tests at the repository root, which "
                        + "installs it"));
    }
}
