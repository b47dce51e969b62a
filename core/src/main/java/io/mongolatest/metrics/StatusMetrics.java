package io.mongolatest.metrics;

/**
 * Where run status and step figures go. Every method is best effort: it never throws, and a slow or
 * absent receiver costs a bounded amount of time, logged as a warning.
 */
public interface StatusMetrics extends AutoCloseable {

    /** Removes this run's metric group (stale values from an earlier attempt, or at the end of a run). */
    void deleteRunGroup(RunLabels run);

    /** Removes every group of every job: the original system's behaviour, kept as an option. */
    void deleteEverything();

    /** Sets {@code mongo_latest_status} of this run, keeping the step figures already pushed. */
    void pushStatus(RunLabels run, RunState state);

    /**
     * Adds one finished step's figures to this run's group, keeping the others and the status. After
     * {@link #deleteRunGroup} or {@link #deleteEverything}, and until the next {@link #pushStatus}, step
     * figures are not pushed: they would bring back a group the end of the run deleted.
     */
    void pushStep(RunLabels run, StepFigures figures);

    /**
     * What earlier processes of the same attempt pushed, rebuilt from the ledger, so that this process's
     * pushes (which replace the whole group) keep them; nothing is pushed by this call.
     *
     * @param status the run's status so far, or null while it has none beyond running
     */
    default void resume(RunLabels run, RunState status, java.util.List<StepFigures> steps) {
    }

    /** A short description for logs and plans, e.g. the Pushgateway URL, or "none". */
    String describe();

    @Override
    default void close() {
    }

    /** Metrics switched off: nothing is pushed. */
    static StatusMetrics none() {
        return NoStatusMetrics.INSTANCE;
    }
}
