package io.mongolatest;

/** The process exit codes of SPEC §4, the one place they are defined: error kinds and run outcomes map to them. */
public enum ExitCode {
    /** The command did what it was asked. */
    SUCCESS(0),
    /** A step failed, or something outside or inside the tool did. */
    FAILURE(1),
    /** Usage, configuration or input error: nothing was changed. */
    USAGE(2),
    /** The run is held by another runner. */
    HELD(3),
    /** Cancelled by a signal or by {@code stop}. */
    CANCELLED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }
}
