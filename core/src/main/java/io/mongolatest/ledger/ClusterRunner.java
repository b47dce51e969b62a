package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cluster that holds a run: every EMR step of it is a process of its own, and they share this identity.
 * It is alive while its lease lasts; its step processes renew it, and its end (or a relaunch) releases it.
 */
public record ClusterRunner(String clusterId) implements RunnerIdentity {
    private static final String PREFIX = "emr:";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,256}");

    public ClusterRunner {
        requireNonNull(clusterId, "clusterId is null");
        if (!ID.matcher(clusterId).matches()) {
            throw new IllegalArgumentException("invalid cluster id " + clusterId);
        }
    }

    static Optional<ClusterRunner> parse(String owner) {
        if (owner == null || !owner.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = owner.substring(PREFIX.length());
        return ID.matcher(id).matches() ? Optional.of(new ClusterRunner(id)) : Optional.empty();
    }

    @Override
    public String owner() {
        return PREFIX + clusterId;
    }

    @Override
    public boolean alive(Lease lease, Instant now) {
        return !lease.expiredAt(now);
    }
}
