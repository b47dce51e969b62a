package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import io.mongolatest.DurationText;
import io.mongolatest.MongoLatestException;

/**
 * How a run behaves, beyond what it computes.
 *
 * @param leaseTtl         how long the lease lives without a heartbeat; a dead runner's run is taken over after it
 * @param pushgatewayGrace how long {@code flush-pushgateway} waits before deleting the run's metrics
 * @param globalWipe       {@code flush-pushgateway} wipes the whole Pushgateway, as the original did
 * @param maxBadFraction   bad input lines tolerated, as a fraction of all lines, before the build fails
 * @param fullRebuild      the build reads every selected snapshot even when it could add only the new ones
 * @param warehouseWait    how long a run waits for the warehouse while another run writes it, before it gives up
 */
public record RunOptions(Duration leaseTtl, Duration pushgatewayGrace, boolean globalWipe, double maxBadFraction,
                         boolean fullRebuild, Duration warehouseWait) {
    // Each default is written once, as its option is typed: --help shows that text, the run uses its value.
    public static final String DEFAULT_LEASE_TTL_TEXT = "60s";
    public static final Duration DEFAULT_LEASE_TTL = DurationText.parse(DEFAULT_LEASE_TTL_TEXT);
    public static final String DEFAULT_PUSHGATEWAY_GRACE_TEXT = "0s";
    public static final Duration DEFAULT_PUSHGATEWAY_GRACE = DurationText.parse(DEFAULT_PUSHGATEWAY_GRACE_TEXT);
    public static final String DEFAULT_MAX_BAD_FRACTION_TEXT = "0.001";
    public static final double DEFAULT_MAX_BAD_FRACTION = Double.parseDouble(DEFAULT_MAX_BAD_FRACTION_TEXT);

    public static final String DEFAULT_WAREHOUSE_WAIT_TEXT = "1h";
    public static final Duration DEFAULT_WAREHOUSE_WAIT = DurationText.parse(DEFAULT_WAREHOUSE_WAIT_TEXT);
    public static final Duration MAX_WAREHOUSE_WAIT = Duration.ofDays(1);

    public static final Duration MIN_LEASE_TTL = Duration.ofSeconds(3);
    /** A lease outliving the row's retention would hold a run nobody can see. */
    public static final Duration MAX_LEASE_TTL = Duration.ofDays(7);
    public static final Duration MAX_PUSHGATEWAY_GRACE = Duration.ofHours(1);

    /** Checks every value as a user error, before anything is written. */
    public RunOptions {
        requireNonNull(leaseTtl, "leaseTtl is null");
        requireNonNull(pushgatewayGrace, "pushgatewayGrace is null");
        requireNonNull(warehouseWait, "warehouseWait is null");
        if (leaseTtl.compareTo(MIN_LEASE_TTL) < 0 || leaseTtl.compareTo(MAX_LEASE_TTL) > 0) {
            throw MongoLatestException.user("--lease-ttl must be between 3s and 7d, not " + leaseTtl.toSeconds() + "s");
        }
        if (pushgatewayGrace.isNegative() || pushgatewayGrace.compareTo(MAX_PUSHGATEWAY_GRACE) > 0) {
            throw MongoLatestException.user("--pushgateway-grace must be between 0s and 1h, not "
                    + pushgatewayGrace.toSeconds() + "s");
        }
        if (warehouseWait.isNegative() || warehouseWait.compareTo(MAX_WAREHOUSE_WAIT) > 0) {
            throw MongoLatestException.user("--warehouse-wait must be between 0s and 1d, not "
                    + warehouseWait.toSeconds() + "s");
        }
        // Written so that NaN fails too: NaN compares false with everything.
        if (!(maxBadFraction >= 0 && maxBadFraction <= 1)) {
            throw MongoLatestException.user("--max-bad-fraction must be a number from 0 to 1, not " + maxBadFraction);
        }
    }

    /** Options without {@code --full-rebuild}. */
    public RunOptions(Duration leaseTtl, Duration pushgatewayGrace, boolean globalWipe, double maxBadFraction) {
        this(leaseTtl, pushgatewayGrace, globalWipe, maxBadFraction, false, DEFAULT_WAREHOUSE_WAIT);
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_LEASE_TTL, DEFAULT_PUSHGATEWAY_GRACE, false, DEFAULT_MAX_BAD_FRACTION);
    }
}
