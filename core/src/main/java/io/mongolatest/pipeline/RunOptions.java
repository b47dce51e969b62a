package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a run behaves, beyond what it computes.
 *
 * @param leaseTtl         how long the lease lives without a heartbeat; a dead runner's run is taken over after it
 * @param pushgatewayGrace how long {@code flush-pushgateway} waits before deleting the run's metrics
 * @param globalWipe       {@code flush-pushgateway} wipes the whole Pushgateway, as the original did
 * @param maxBadFraction   bad input lines tolerated, as a fraction of all lines, before the build fails
 */
public record RunOptions(Duration leaseTtl, Duration pushgatewayGrace, boolean globalWipe, double maxBadFraction) {
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(60);
    public static final double DEFAULT_MAX_BAD_FRACTION = 0.001;

    public RunOptions {
        requireNonNull(leaseTtl, "leaseTtl is null");
        requireNonNull(pushgatewayGrace, "pushgatewayGrace is null");
        if (leaseTtl.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("lease TTL below 3 s: " + leaseTtl);
        }
        if (maxBadFraction < 0 || maxBadFraction > 1) {
            throw new IllegalArgumentException("maxBadFraction out of [0, 1]: " + maxBadFraction);
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_LEASE_TTL, Duration.ZERO, false, DEFAULT_MAX_BAD_FRACTION);
    }
}
