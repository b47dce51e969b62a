package io.mongolatest.cli;

import io.mongolatest.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A mistyped command line is one line on stderr and exit 2, not a page of usage. */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String cmd = cl.getCommandSpec().qualifiedName();
        cl.getErr().println("error: " + ex.getMessage() + " (see '" + cmd + " --help')");
        return ExitCode.USAGE.code();
    }
}
