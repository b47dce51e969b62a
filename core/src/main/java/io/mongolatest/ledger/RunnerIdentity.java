package io.mongolatest.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a run: a local process ({@link LeaseOwner}) or a cluster ({@link ClusterRunner}). Written as
 * the lease owner; every step process of the holder presents the same identity and renews the lease.
 */
public interface RunnerIdentity {

    /** The lease owner as stored: {@code <host>:<pid>:<start>} or {@code emr:<cluster id>}. */
    String owner();

    /** The {@code Cluster_Id} attribute of a run it starts: {@code local-<host>-<pid>} or the cluster id. */
    String clusterId();

    /**
     * Whether a holder with this identity and {@code lease} may still be working. A local process is dead as
     * soon as it is gone (on this host); anything else lives until its lease expires.
     */
    boolean alive(Lease lease, Instant now);

    /** The identity a lease owner names, if it is in one of this tool's forms. */
    static Optional<RunnerIdentity> parse(String owner) {
        Optional<RunnerIdentity> cluster = ClusterRunner.parse(owner).map(c -> c);
        return cluster.isPresent() ? cluster : LeaseOwner.parse(owner).map(o -> o);
    }
}
