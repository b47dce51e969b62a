package io.mongolatest.cli;

import java.util.Optional;

import io.mongolatest.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A mistyped command line is one line on stderr and exit 2, not a page of usage. A bad value that came from the
 * config file says where it is written, for it breaks every command that has the option, {@code --help} too.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String cmd = cl.getCommandSpec().qualifiedName();
        Optional<ConfigFileDefaults.Value> origin = fromConfig(ex);
        if (origin.isPresent()) {
            ConfigFileDefaults.Value v = origin.get();
            cl.getErr().println("error: " + v.where() + ": " + ex.getMessage() + " (for " + cmd + ")"
                    + (v.atTop() ? "; a key at the top applies to every command with that option: put it in the"
                    + " section of the command it is for" : ""));
        } else {
            cl.getErr().println("error: " + ex.getMessage() + " (see '" + cmd + " --help')");
        }
        return ExitCode.USAGE.code();
    }

    private static Optional<ConfigFileDefaults.Value> fromConfig(ParameterException ex) {
        if (ex.getArgSpec() == null || !(ex.getCommandLine().getDefaultValueProvider() instanceof ConfigFileDefaults d)) {
            return Optional.empty();
        }
        // The same option may be given on the command line too: only the file's own value is the file's fault.
        return d.origin(ex.getArgSpec()).filter(v -> v.text().equals(ex.getValue()));
    }
}
