package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A runner process: host, pid and the process start time (which tells a live process from a later one
 * that reused the pid). Written as {@code <host>:<pid>:<start epoch millis>} in {@link Lease#owner()}.
 */
public record LeaseOwner(String host, long pid, long startEpochMillis) implements RunnerIdentity {
    private static final String MAIN_CLASS = "io.mongolatest.cli.Main";
    private static final String JAR_NAME = "mongo-latest.jar";

    public LeaseOwner {
        requireNonNull(host, "host is null");
    }

    public static LeaseOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new LeaseOwner(hostName(), self.pid(), startMillis(self));
    }

    /** The owner written in a lease, or empty when it is not in this tool's format. */
    public static Optional<LeaseOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int b = text.lastIndexOf(':');
        int a = b <= 0 ? -1 : text.lastIndexOf(':', b - 1);
        if (a <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LeaseOwner(text.substring(0, a), Long.parseLong(text.substring(a + 1, b)),
                    Long.parseLong(text.substring(b + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String format() {
        return host + ":" + pid + ":" + startEpochMillis;
    }

    @Override
    public String owner() {
        return format();
    }

    /** {@code local-<host>-<pid>}: the {@code Cluster_Id} of a local run. */
    public String localClusterId() {
        return "local-" + host + "-" + pid;
    }

    @Override
    public String clusterId() {
        return localClusterId();
    }

    /** Gone at once when it was a process of this host that has ended; elsewhere, until the lease expires. */
    @Override
    public boolean alive(Lease lease, Instant now) {
        return !lease.expiredAt(now) && alive();
    }

    public boolean onThisHost() {
        return host.equals(hostName());
    }

    /** On this host: whether the process still runs. Elsewhere nothing can be told, so it counts as alive. */
    public boolean alive() {
        if (!onThisHost()) {
            return true;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> startEpochMillis == 0 || startMillis(p) == startEpochMillis)
                .orElse(false);
    }

    /** The live local process of this owner, if any. */
    public Optional<ProcessHandle> process() {
        return onThisHost() && alive() ? ProcessHandle.of(pid) : Optional.empty();
    }

    /**
     * Whether the process may be signalled as this lease's runner: it runs on this host with exactly the
     * recorded start time (a pid alone may have been reused) and its command line is this tool's.
     * Anything less proves nothing, and an unrelated process must never be killed for a stale lease.
     */
    public Optional<String> whyNotProvenRunner() {
        if (!onThisHost()) {
            return Optional.of("it runs on " + host + ", not on this host");
        }
        if (startEpochMillis == 0) {
            return Optional.of("its lease records no process start time");
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return Optional.of("process " + pid + " is gone");
        }
        if (startMillis(p.get()) != startEpochMillis) {
            return Optional.of("process " + pid + " started at another time: the pid was reused");
        }
        String command = commandLine(p.get());
        if (!command.contains(MAIN_CLASS) && !command.contains(JAR_NAME)) {
            return Optional.of("process " + pid + " is not mongo-latest (" + (command.isEmpty() ? "its command line"
                    + " cannot be read" : abbreviate(command)) + ")");
        }
        return Optional.empty();
    }

    /**
     * The whole command line: on Linux read from /proc, since the JDK's own view stops at a page and a long
     * class path hides the main class behind it.
     */
    private static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8)
                        .replace('\0', ' ').strip();
            }
        } catch (IOException e) {
            // gone meanwhile, or not ours to read: fall back to what the JDK can tell
        }
        return p.info().commandLine().orElse("");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
