package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * A runner process: host, pid and the process start time (which tells a live process from a later one
 * that reused the pid). Written as {@code <host>:<pid>:<start epoch millis>} in {@link Lease#owner()}.
 */
public record LeaseOwner(String host, long pid, long startEpochMillis) {
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

    /** {@code local-<host>-<pid>}: the {@code Cluster_Id} of a local run. */
    public String localClusterId() {
        return "local-" + host + "-" + pid;
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
