package io.mongolatest.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps exceptions to exit codes. Errors the tool raised on purpose print their message on one line;
 * anything else is a bug, whose stack trace goes to the log.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        if (ex instanceof MongoLatestException mle) {
            if (mle.getCause() != null || mle.kind() == ErrorKind.INTERNAL) {
                LOG.debug("{}", mle.getMessage(), mle);
            }
            String prefix = mle.kind() == ErrorKind.INTERNAL ? "internal error: " : "error: ";
            cl.getErr().println(prefix + mle.getMessage() + logHint(mle.kind()));
            return mle.kind().exitCode();
        }
        LOG.error("unexpected failure", ex);
        cl.getErr().println("internal error: " + ex + logHint(ErrorKind.INTERNAL));
        return ErrorKind.INTERNAL.exitCode();
    }

    private static String logHint(ErrorKind kind) {
        if (kind != ErrorKind.INTERNAL) {
            return "";
        }
        String file = Logging.logFile();
        return file == null ? "" : " (stack trace in " + file + ")";
    }
}
