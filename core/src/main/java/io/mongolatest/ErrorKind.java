package io.mongolatest;

/**
 * Who is to blame for a failure, which decides how it is shown and the process exit code.
 */
public enum ErrorKind {
    /** Bad flag, configuration, product package or input: one line, exit 2. */
    USER(2),
    /** Something outside failed (ledger store unreachable, disk full): one line, exit 1. */
    EXTERNAL(1),
    /** A bug: the stack trace goes to the log, exit 1. */
    INTERNAL(1),
    /** Another runner holds the run: exit 3. */
    HELD(3),
    /** The run was cancelled by a signal or by {@code stop}: exit 4. */
    CANCELLED(4);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
