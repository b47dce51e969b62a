package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * s3proxy (an S3 server keeping its objects in memory) as a child JVM on 127.0.0.1, on a port it picks
 * itself and names in its log. The child runs {@link S3ProxyLauncher}, so it ends with this JVM however this
 * JVM ends; {@link #close()} ends it sooner. The s3proxy jar is never on a classpath of the tests (it carries
 * its own AWS SDK and Jackson): the {@code copy-s3proxy} execution of the build puts it in
 * {@code target/s3proxy}, and the {@code s3proxy.jar} system property says where.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String JAR_PROPERTY = "s3proxy.jar";
    private static final Path DEFAULT_JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    // It starts in about 2 s on an idle machine; a loaded one with several builds running is much slower.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_OUTPUT = 1 << 20;
    /** Jetty names the connector it started, with the address it bound, e.g. {@code {127.0.0.1:43801}}. */
    private static final Pattern STARTED = Pattern.compile("Started \\S*ServerConnector@\\S*\\{.*}\\{127\\.0\\.0\\.1:(\\d+)}");

    private static final String IDENTITY = "mongo-latest-test";
    private static final String[] CREDENTIAL_PROPERTIES = {"aws.accessKeyId", "aws.secretAccessKey"};

    private final Process process;
    private final Thread killer;
    private final Path dir;
    private final StringBuffer output;
    private final String credential;
    private final URI endpoint;
    private final S3Client client;
    private final AtomicInteger buckets = new AtomicInteger();

    private S3ProxyServer(Process process, Thread killer, Path dir, StringBuffer output, String credential,
            URI endpoint) {
        this.process = process;
        this.killer = killer;
        this.dir = dir;
        this.output = output;
        this.credential = credential;
        this.endpoint = endpoint;
        this.client = S3Clients.open(endpoint, credentials());
    }

    /** Starts one from the jar the {@code s3proxy.jar} system property names, else {@code target/s3proxy}. */
    public static S3ProxyServer start() {
        String property = System.getProperty(JAR_PROPERTY);
        return start(property == null || property.isBlank() ? DEFAULT_JAR : Path.of(property));
    }

    /** Starts one from {@code jar}; returns once it answers a signed request. */
    public static S3ProxyServer start(Path jar) {
        requireNonNull(jar, "jar is null");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no s3proxy jar at " + jar.toAbsolutePath() + ": build with Maven, "
                    + "whose copy-s3proxy execution (maven-dependency-plugin) puts it there");
        }
        String credential = UUID.randomUUID().toString();
        Path dir;
        Process process;
        try {
            dir = Files.createTempDirectory("s3proxy");
            Path properties = dir.resolve("s3proxy.properties");
            // Port 0: the server binds a free port itself and logs it, so no other process can take it first.
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:0",
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + credential,
                    "jclouds.provider=transient",
                    ""));
            Path classes = copyLauncher(dir.resolve("classes"));
            // Standard input stays an open pipe from this JVM: the launcher ends s3proxy when it closes.
            process = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp",
                    classes + File.pathSeparator + jar.toAbsolutePath(), S3ProxyLauncher.class.getName(),
                    "--properties", properties.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start s3proxy", e);
        }
        Thread killer = new Thread(process::destroyForcibly, "s3proxy-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        StringBuffer output = new StringBuffer();
        S3ProxyServer server = null;
        try {
            int port = awaitPort(process, watchOutput(process, output), output);
            server = new S3ProxyServer(process, killer, dir, output, credential,
                    URI.create("http://127.0.0.1:" + port));
            server.checkAnswers();
            return server;
        } catch (RuntimeException | Error e) {
            if (server != null) {
                server.close();
            } else {
                removeHook(killer);
                stop(process);
                deleteTree(dir);
            }
            throw e;
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:43801}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The access key id it accepts. */
    public String accessKey() {
        return IDENTITY;
    }

    /** The secret access key it accepts. */
    public String secretKey() {
        return credential;
    }

    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, credential));
    }

    /**
     * The variables a child process (the CLI, Spark) needs to reach it through the AWS default chains; the
     * endpoint itself goes in its own option.
     */
    public Map<String, String> environment() {
        return Map.of("AWS_ACCESS_KEY_ID", IDENTITY, "AWS_SECRET_ACCESS_KEY", credential, "AWS_REGION", "us-east-1");
    }

    /**
     * Puts its credentials in the {@code aws.*} system properties, the first place the SDK's default chains look,
     * until the returned handle closes, which puts back what was there.
     */
    public AutoCloseable credentialsInSystemProperties() {
        Map<String, String> saved = new java.util.HashMap<>();
        for (String p : CREDENTIAL_PROPERTIES) {
            saved.put(p, System.getProperty(p));
        }
        System.setProperty(CREDENTIAL_PROPERTIES[0], IDENTITY);
        System.setProperty(CREDENTIAL_PROPERTIES[1], credential);
        return () -> saved.forEach((p, value) -> {
            if (value == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, value);
            }
        });
    }

    /** A client for it with the right credentials, shared by the tests and closed with the server. */
    public S3Client client() {
        return client;
    }

    /** A new client for it that the caller closes, with SDK interceptors (e.g. to count calls). */
    public S3Client newClient(ExecutionInterceptor... interceptors) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors))).build();
    }

    /** Creates a new empty bucket, a different one on every call, and returns it as {@code s3://name}. */
    public S3Location createBucket() {
        String name = "test-bucket-" + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(name));
        return new S3Location(name, "");
    }

    /** The object operations through {@link #client()}, with the default settings. */
    public S3Objects objects() {
        return new S3Objects(client, S3TransferSettings.defaults());
    }

    /** The process id of the s3proxy JVM. */
    public long pid() {
        return process.pid();
    }

    /** What it logged so far (the first megabyte). */
    public String output() {
        return output.toString();
    }

    @Override
    public void close() {
        removeHook(killer);
        client.close();
        stop(process);
        deleteTree(dir);
    }

    /** The port is ours: this child named it. A signed call shows that it is up and takes our credentials. */
    private void checkAnswers() {
        try {
            client.listBuckets();
        } catch (SdkException e) {
            throw new IllegalStateException("s3proxy at " + endpoint + " does not answer: " + e.getMessage()
                    + "\n" + output, e);
        }
    }

    /** Waits, at most {@link #START_TIMEOUT}, until the child logs the port it listens on. */
    private static int awaitPort(Process process, CompletableFuture<Integer> port, StringBuffer output) {
        try {
            return port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("s3proxy did not listen within " + START_TIMEOUT.toSeconds() + " s\n"
                    + output, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("s3proxy exited before it listened (" + exitStatus(process) + ")\n"
                    + output, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while s3proxy started", e);
        }
    }

    /** Copies the child's output into {@code output}; completes with the port it logs, fails when it ends. */
    private static CompletableFuture<Integer> watchOutput(Process process, StringBuffer output) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (output.length() < MAX_OUTPUT) {
                        output.append(line).append('\n');
                    }
                    Matcher started = STARTED.matcher(line);
                    if (started.find()) {
                        port.complete(Integer.parseInt(started.group(1)));
                    }
                }
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(")\n");
            }
            port.completeExceptionally(new IllegalStateException("its output ended"));
        }, "s3proxy-output");
        reader.setDaemon(true);
        reader.start();
        return port;
    }

    private static String exitStatus(Process process) {
        try {
            return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) ? "exit " + process.exitValue()
                    : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            // It may ignore SIGTERM (it does when it failed to bind): then it is killed.
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Copies the launcher's class file alone, so that nothing else of the tests is on s3proxy's classpath. */
    private static Path copyLauncher(Path classes) throws IOException {
        String name = S3ProxyLauncher.class.getName().replace('.', '/') + ".class";
        Path target = classes.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = S3ProxyLauncher.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("cannot find " + name + " on the classpath");
            }
            Files.copy(in, target);
        }
        return classes;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a test for.
        }
    }
}
