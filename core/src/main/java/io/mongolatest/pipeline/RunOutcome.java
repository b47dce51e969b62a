package io.mongolatest.pipeline;

import io.mongolatest.ExitCode;

/** How a run ended, which decides the exit code (SPEC §4). */
public enum RunOutcome {
    COMPLETED(ExitCode.SUCCESS),
    FAILED(ExitCode.FAILURE),
    HELD(ExitCode.HELD),
    CANCELLED(ExitCode.CANCELLED);

    private final ExitCode exitCode;

    RunOutcome(ExitCode exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code of a command that ends with this outcome. */
    public int exitCode() {
        return exitCode.code();
    }
}
