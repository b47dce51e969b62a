package io.mongolatest.engine;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

/** A statement failed in the engine, or was interrupted. The message is the engine's, on one line. */
public final class SqlFailure extends MongoLatestException {
    private static final long serialVersionUID = 1L;

    private final boolean interrupted;

    public SqlFailure(String message, boolean interrupted, Throwable cause) {
        super(interrupted ? ErrorKind.CANCELLED : ErrorKind.EXTERNAL, oneLine(message), cause);
        this.interrupted = interrupted;
    }

    public boolean interrupted() {
        return interrupted;
    }

    private static String oneLine(String message) {
        String m = message == null ? "SQL failed" : message.strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
