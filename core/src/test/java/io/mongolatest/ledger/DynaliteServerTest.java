package io.mongolatest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The emulator never outlives the JVM that started it, however that JVM ends. */
class DynaliteServerTest {
    @Test
    void dynaliteExitsWhenItsJvmIsKilledWithSigkill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classpath));
        Optional.ofNullable(System.getProperty(DynaliteServer.HOME_PROPERTY))
                .ifPresent(home -> command.add("-D" + DynaliteServer.HOME_PROPERTY + "=" + home));
        command.add(StartAndWait.class.getName());
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            long pid = CompletableFuture.supplyAsync(() -> firstPid(jvm)).get(60, TimeUnit.SECONDS);
            ProcessHandle dynalite = ProcessHandle.of(pid).orElseThrow();
            assertThat(dynalite.isAlive()).isTrue();

            jvm.destroyForcibly();
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).as("the JVM died").isTrue();
            dynalite.onExit().get(30, TimeUnit.SECONDS);
            assertThat(dynalite.isAlive()).isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static long firstPid(Process jvm) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("dynalite pid ")) {
                    return Long.parseLong(line.substring("dynalite pid ".length()));
                }
                seen.append(line).append('\n');
            }
            throw new AssertionError("the JVM ended without starting dynalite:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child JVM: starts dynalite, says its pid, and waits to be killed. */
    static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            DynaliteServer server = DynaliteServer.start();
            System.out.println("dynalite pid " + server.pid());
            System.out.flush();
            System.in.read(); // until killed
        }
    }
}
