package io.mongolatest.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(S3ProxyExtension.class)
final class S3ProxyServerTest {
    private static final Pattern STARTED = Pattern.compile("s3proxy pid=(\\d+) endpoint=(\\S+)");

    private final S3ProxyServer shared;

    S3ProxyServerTest(S3ProxyServer shared) {
        this.shared = shared;
    }

    @Test
    void oneServerServesTheWholeTestRun(S3ProxyServer server) {
        assertThat(server).isSameAs(shared);
    }

    @Test
    void listensOnLoopbackAndTakesItsCredentials(S3ProxyServer server) {
        URI endpoint = server.endpoint();
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
        String bucket = server.createBucket().bucket();

        assertThat(server.client().listBuckets().buckets()).anySatisfy(b -> assertThat(b.name()).isEqualTo(bucket));
        assertThat(server.createBucket().bucket()).isNotEqualTo(bucket);
        assertThat(server.environment()).containsEntry("AWS_ACCESS_KEY_ID", server.accessKey())
                .containsEntry("AWS_SECRET_ACCESS_KEY", server.secretKey());
    }

    @Test
    void closeStopsTheChild() throws Exception {
        S3ProxyServer own = S3ProxyServer.start();
        S3Client client = own.newClient();
        long pid = own.pid();
        assertThat(own.endpoint()).isNotEqualTo(shared.endpoint());
        client.listBuckets();

        own.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThatThrownBy(client::listBuckets).isInstanceOf(SdkClientException.class);
        client.close();
    }

    @Test
    void theChildEndsWhenTheJvmThatStartedItIsKilled() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-D" + S3ProxyServer.JAR_PROPERTY + "=" + System.getProperty(S3ProxyServer.JAR_PROPERTY,
                        "target/s3proxy/s3proxy.jar"),
                "-cp", classpath, S3ProxyHolder.class.getName())).redirectErrorStream(true).start();
        try {
            Matcher started = awaitLine(holder);
            ProcessHandle child = ProcessHandle.of(Long.parseLong(started.group(1))).orElseThrow();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(holder.pid());

            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs

            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            holder.destroyForcibly();
        }
    }

    /** The holder's line naming the child, read within a bounded time. */
    private static Matcher awaitLine(Process holder) throws Exception {
        CompletableFuture<Matcher> line = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                    Matcher m = STARTED.matcher(l);
                    if (m.find()) {
                        return m;
                    }
                    seen.append(l).append('\n');
                }
            } catch (java.io.IOException e) {
                seen.append(e);
            }
            throw new IllegalStateException("the holder ended without starting s3proxy:\n" + seen);
        });
        return line.get(120, TimeUnit.SECONDS);
    }
}
