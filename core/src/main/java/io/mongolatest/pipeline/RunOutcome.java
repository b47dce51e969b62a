package io.mongolatest.pipeline;

/** How a run ended, which decides the exit code (SPEC §4). */
public enum RunOutcome {
    COMPLETED(0),
    FAILED(1),
    HELD(3),
    CANCELLED(4);

    private final int exitCode;

    RunOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
