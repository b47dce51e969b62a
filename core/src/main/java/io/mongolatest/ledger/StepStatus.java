package io.mongolatest.ledger;

/** What happened to one step in one attempt. */
public enum StepStatus {
    /** Started and not finished yet (or its runner died while it ran). */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Not run because an earlier attempt already completed it. */
    SKIPPED,
    /** Interrupted by a signal or by {@code stop}. */
    CANCELLED,
    /** Not reached: an earlier step ended the run. */
    NOT_RUN;

    /** Whether the step needs nothing more in its attempt: it succeeded or was skipped. */
    public boolean isDone() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    /** Whether the step has ended, one way or another, in its attempt. */
    public boolean isFinished() {
        return this != RUNNING && this != NOT_RUN;
    }
}
