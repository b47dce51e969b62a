package io.mongolatest.pipeline.plan;

/** How a run starts, from what the ledger holds (SPEC §4 rule 1). */
public enum StartKind {
    /** No row: Run_Id 1, every step runs. */
    NEW,
    /** The last attempt failed (or its runner died): resume at its step. */
    RETRY,
    /** The last attempt completed: every step runs again. */
    RERUN,
    /** A live runner holds the run. */
    HELD
}
