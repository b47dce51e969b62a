package io.mongolatest.engine;

/** Dropping a step's temporary engine objects on the way out. */
public final class Cleanup {
    private Cleanup() {
    }

    /**
     * Runs {@code cleanup}, ignoring its failure: after a cancel the session refuses statements, the
     * temporary objects die with it anyway, and the error to report is the one that ended the step.
     */
    public static void quietly(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            // see above
        }
    }
}
