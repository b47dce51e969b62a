package io.mongolatest;

/**
 * Who is to blame for a failure, which decides how it is shown and the process exit code.
 */
public enum ErrorKind {
    /** Bad flag, configuration, product package or input: one line. */
    USER(ExitCode.USAGE),
    /** Something outside failed (ledger store unreachable, disk full): one line. */
    EXTERNAL(ExitCode.FAILURE),
    /** A bug: the stack trace goes to the log. */
    INTERNAL(ExitCode.FAILURE),
    /** Another runner holds the run. */
    HELD(ExitCode.HELD),
    /** The run was cancelled by a signal or by {@code stop}. */
    CANCELLED(ExitCode.CANCELLED);

    private final ExitCode exitCode;

    ErrorKind(ExitCode exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code of a command that ends with this kind of error. */
    public int exitCode() {
        return exitCode.code();
    }
}
