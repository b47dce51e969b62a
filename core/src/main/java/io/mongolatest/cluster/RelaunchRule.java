package io.mongolatest.cluster;

/** The row of the relaunch table that decided (docs/cluster.md shows the table). */
public enum RelaunchRule {
    OTHER_CLUSTER,
    NOT_FAILED,
    USER_REQUEST,
    NO_RUN,
    STALE_EVENT,
    ALREADY_COMPLETED,
    INVALID_REQUEST,
    STEP_NOT_RETRIED,
    STEP_RETRY,
    STEP_RETRIES_EXHAUSTED,
    BOOTSTRAP_RETRY,
    BOOTSTRAP_RETRIES_EXHAUSTED,
    OTHER_FAILURE
}
