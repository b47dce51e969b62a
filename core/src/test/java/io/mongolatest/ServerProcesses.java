package io.mongolatest;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For servers the tests run for real as child processes (the Pushgateway, dynalite). */
public final class ServerProcesses {
    private ServerProcesses() {
    }

    /** The first executable file called {@code name} in a folder of PATH, as a shell would find it. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Copies the process's output into {@code output} from a daemon thread, and completes with the port the
     * server announces (group 1 of {@code announcement}); fails if the output ends before that.
     */
    public static CompletableFuture<Integer> announcedPort(Process process, StringBuffer output, Pattern announcement,
            String name) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher m = announcement.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(")\n");
            }
            port.completeExceptionally(new IllegalStateException(name + " exited before it listened"));
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return port;
    }

    /**
     * The port a server just started announces ({@link #announcedPort}), waited for up to {@code timeout}; the process
     * is killed when it does not announce one in time, exits first, or the wait is interrupted.
     */
    public static int awaitPort(Process process, StringBuffer output, Pattern announcement, String name,
            Duration timeout) {
        CompletableFuture<Integer> port = announcedPort(process, output, announcement, name);
        try {
            return port.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start within " + timeout.toSeconds() + " s: " + e + "\n"
                    + output, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Ends a server that exits when its standard input closes: closes it, waits up to {@code timeout}, and kills
     * the process if it is still there.
     */
    public static void stopByClosingInput(Process process, Duration timeout) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
