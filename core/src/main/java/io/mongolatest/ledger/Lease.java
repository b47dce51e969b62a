package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Who may write a run, and until when. The owner renews the expiry with a heartbeat; a lease whose
 * expiry has passed belongs to a runner that died and may be taken over.
 *
 * @param owner     {@code <host>:<pid>:<process start epoch millis>}, see {@link LeaseOwner}
 * @param expiresAt when the lease lapses unless renewed
 */
public record Lease(String owner, Instant expiresAt) {
    public Lease {
        requireNonNull(owner, "owner is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
