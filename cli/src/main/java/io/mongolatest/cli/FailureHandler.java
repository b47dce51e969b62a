package io.mongolatest.cli;

import java.io.PrintWriter;

import org.slf4j.Logger;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps exceptions to exit codes. Errors the tool raised on purpose print their message on one line;
 * anything else is a bug (or the JVM's {@link Error}), whose stack trace goes to the log.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    private final Logging logging;
    private final Logger log;

    FailureHandler(Logging logging) {
        this.logging = logging;
        this.log = logging.logger(FailureHandler.class);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        if (ex instanceof MongoLatestException mle) {
            if (mle.kind() == ErrorKind.INTERNAL) {
                log.error(Logging.LOG_ONLY, "{}", mle.getMessage(), mle);
            } else if (mle.getCause() != null) {
                log.debug("{}", mle.getMessage(), mle);
            }
            String prefix = mle.kind() == ErrorKind.INTERNAL ? "internal error: " : "error: ";
            cl.getErr().println(prefix + mle.getMessage() + logHint(mle.kind()));
            return mle.kind().exitCode();
        }
        return unexpected(ex instanceof ExecutionException e && e.getCause() instanceof Error error ? error : ex,
                cl.getErr());
    }

    /** A bug, or the JVM giving up (a stack overflow, out of memory): one line; the stack trace goes to the log only. */
    int unexpected(Throwable t, PrintWriter err) {
        log.error(Logging.LOG_ONLY, "unexpected failure", t);
        err.println("internal error: " + t + logHint(ErrorKind.INTERNAL));
        return ErrorKind.INTERNAL.exitCode();
    }

    private String logHint(ErrorKind kind) {
        if (kind != ErrorKind.INTERNAL) {
            return "";
        }
        return logging.logFile().map(f -> " (stack trace in " + f + ")").orElse("");
    }
}
