package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.mongolatest.ServerProcesses;

/**
 * A real Prometheus Pushgateway (the Debian {@code prometheus-pushgateway} binary) as a child process on a
 * 127.0.0.1 port it picks itself, with its persistence file in a temporary folder; {@link #close()} kills it
 * and removes the folder. Reads {@code /metrics} back as parsed samples. Self-contained so that other modules can use it
 * from the core test-jar.
 */
public final class PushgatewayProcess implements AutoCloseable {
    private static final String BINARY = "prometheus-pushgateway";
    private static final Path DEBIAN_BINARY = Path.of("/usr/bin", BINARY);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern LISTENING = Pattern.compile("msg=\"Listening on\" address=127\\.0\\.0\\.1:(\\d+)");
    private static final String KEYSTORE_PASSWORD = "test-only";

    /**
     * How to start it.
     *
     * @param adminApi  whether {@code --web.enable-admin-api} is given (needed for the wipe)
     * @param basicAuth a user the Pushgateway demands and this helper reads with, or null
     * @param bcryptHash the bcrypt hash of that user's password, for the Pushgateway's web config
     * @param tls       whether to serve HTTPS with a fresh self-signed certificate for 127.0.0.1
     */
    public record Options(boolean adminApi, BasicAuth basicAuth, String bcryptHash, boolean tls) {
        public Options {
            if ((basicAuth == null) != (bcryptHash == null)) {
                throw new IllegalArgumentException("basicAuth and bcryptHash go together");
            }
        }

        /** Admin API on, plain HTTP, no authentication. */
        public static Options defaults() {
            return new Options(true, null, null, false);
        }

        public Options withoutAdminApi() {
            return new Options(false, basicAuth, bcryptHash, tls);
        }

        public Options withBasicAuth(BasicAuth auth, String hash) {
            return new Options(adminApi, requireNonNull(auth, "auth is null"), requireNonNull(hash, "hash is null"),
                    tls);
        }

        public Options withTls() {
            return new Options(adminApi, basicAuth, bcryptHash, true);
        }
    }

    /** One sample line of {@code /metrics}: name, labels (as the Pushgateway shows them) and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public Sample {
            requireNonNull(name, "name is null");
            labels = Map.copyOf(labels);
        }
    }

    private final Process process;
    private final Path dir;
    private final URI url;
    private final Options options;
    private final SSLContext sslContext;
    private final HttpClient client;
    private final StringBuffer output;
    /** Kills the process should the JVM exit without {@link #close()}, so no Pushgateway outlives the tests. */
    private final Thread killer;

    private PushgatewayProcess(Process process, Path dir, URI url, Options options, SSLContext sslContext,
            StringBuffer output) {
        this.process = process;
        this.dir = dir;
        this.url = url;
        this.options = options;
        this.sslContext = sslContext;
        this.output = output;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
        this.killer = new Thread(process::destroyForcibly, "pushgateway-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts one with the admin API, plain HTTP and no authentication. */
    public static PushgatewayProcess start() {
        return start(Options.defaults());
    }

    public static PushgatewayProcess start(Options options) {
        requireNonNull(options, "options is null");
        Path binary = binary();
        Path dir;
        try {
            dir = Files.createTempDirectory("pushgateway");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SSLContext ssl = options.tls() ? selfSignedCertificate(dir) : null;
        String webConfig = webConfig(dir, options);
        // Port 0: the Pushgateway binds a free port itself and logs which ("Listening on" address=...).
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--web.listen-address=127.0.0.1:0",
                "--persistence.file=" + dir.resolve("p"), "--log.level=info"));
        if (options.adminApi()) {
            command.add("--web.enable-admin-api");
        }
        if (webConfig != null) {
            command.add("--web.config.file=" + webConfig);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            deleteTree(dir);
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> port = ServerProcesses.announcedPort(process, output, LISTENING, "pushgateway");
        String failure;
        PushgatewayProcess gateway = null;
        try {
            int p = port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            URI url = URI.create((ssl == null ? "http" : "https") + "://127.0.0.1:" + p);
            gateway = new PushgatewayProcess(process, dir, url, options, ssl, output);
            failure = gateway.awaitReady();
        } catch (TimeoutException e) {
            failure = "it did not listen within " + START_TIMEOUT.toSeconds() + " s";
        } catch (ExecutionException e) {
            failure = e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        if (failure == null) {
            return gateway;
        }
        if (gateway != null) {
            gateway.stop();
        } else {
            process.destroyForcibly();
        }
        deleteTree(dir);
        return fail("the Pushgateway did not start: " + failure + "\n" + output);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return url;
    }

    /** A TLS context that trusts this Pushgateway's certificate, when started with TLS; else null. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Everything the Pushgateway logged so far. */
    public String output() {
        return output.toString();
    }

    /** The text of {@code GET /metrics}. */
    public String metricsText() {
        HttpResponse<String> response = call("GET", "/metrics", null);
        if (response.statusCode() != 200) {
            fail("GET /metrics answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Every sample of {@code /metrics}. */
    public List<Sample> samples() {
        return parse(metricsText());
    }

    /** The samples of one metric. */
    public List<Sample> samples(String name) {
        return samples().stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Pushes text format by POST to a group path such as {@code job/other_job/instance/a}; returns the status. */
    public int post(String groupPath, String text) {
        return call("POST", "/metrics/" + groupPath, text).statusCode();
    }

    @Override
    public void close() {
        stop();
        deleteTree(dir);
    }

    /** Parses the text exposition format: sample lines only, label values unescaped. */
    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(parseLine(line));
            }
        }
        return samples;
    }

    private static Sample parseLine(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf("=\"", i);
                String label = line.substring(i, eq);
                StringBuilder value = new StringBuilder();
                i = eq + 2;
                for (char c = line.charAt(i); c != '"'; c = line.charAt(i)) {
                    if (c == '\\') {
                        char next = line.charAt(++i);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                    i++;
                }
                labels.put(label, value.toString());
                i++;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String value = line.substring(i).strip().split(" ")[0];
        return new Sample(name, labels, switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        });
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(CALL_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (options.basicAuth() != null) {
            request.header("Authorization", options.basicAuth().header());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until {@code /-/ready} answers 200, within {@link #START_TIMEOUT}. Returns null when ready, else why not. */
    private String awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // It listens now, so each call below is answered or times out; none returns at once in a spin.
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = call("GET", "/-/ready", null);
                if (ready.statusCode() == 200) {
                    return null;
                }
                last = "/-/ready answered HTTP " + ready.statusCode();
                if (ready.statusCode() < 500) {
                    return last; // e.g. 401: asking again will not change it
                }
            } catch (UncheckedIOException e) {
                last = e.getCause().toString();
            }
        }
        return "not ready within " + START_TIMEOUT.toSeconds() + " s: " + last;
    }

    private void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path binary() {
        return ServerProcesses.onPath(BINARY).or(() -> Optional.of(DEBIAN_BINARY).filter(Files::isExecutable))
                .orElseGet(() -> fail(BINARY + " is not installed (looked on PATH and at " + DEBIAN_BINARY
                        + "): run ./run-tests at the repository root, which installs it"));
    }

    /** The {@code --web.config.file} for basic auth and TLS, or null when neither is wanted. */
    private static String webConfig(Path dir, Options options) {
        if (options.basicAuth() == null && !options.tls()) {
            return null;
        }
        StringBuilder yaml = new StringBuilder();
        if (options.tls()) {
            yaml.append("tls_server_config:\n  cert_file: ").append(dir.resolve("tls.crt"))
                    .append("\n  key_file: ").append(dir.resolve("tls.key")).append('\n');
        }
        if (options.basicAuth() != null) {
            yaml.append("basic_auth_users:\n  ").append(options.basicAuth().user()).append(": ")
                    .append(options.bcryptHash()).append('\n');
        }
        Path file = dir.resolve("web.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    /**
     * A self-signed certificate for 127.0.0.1 made with the JDK's keytool, written as PEM for the Pushgateway,
     * and a TLS context that trusts exactly it.
     */
    private static SSLContext selfSignedCertificate(Path dir) {
        Path store = dir.resolve("tls.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "pushgateway",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                fail("keytool failed: " + log);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keys.load(in, KEYSTORE_PASSWORD.toCharArray());
            }
            Certificate cert = keys.getCertificate("pushgateway");
            Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY",
                    keys.getKey("pushgateway", KEYSTORE_PASSWORD.toCharArray()).getEncoded()));
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("pushgateway", cert);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a test for.
        }
    }
}
