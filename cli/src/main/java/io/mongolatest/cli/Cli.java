package io.mongolatest.cli;

import java.io.PrintWriter;

import io.mongolatest.MongoLatestException;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/** Builds the picocli command tree with this tool's error handling; used by {@link Main} and by tests. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MongoLatestCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setExecutionStrategy(Cli::executeWithLogging);
        return cl;
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        try {
            ConfigFileDefaults.fromArgs(args, cl).ifPresent(cl::setDefaultValueProvider);
        } catch (MongoLatestException e) {
            err.println("error: " + e.getMessage());
            return e.kind().exitCode();
        }
        return cl.execute(args);
    }

    private static int executeWithLogging(ParseResult parseResult) {
        CommandLine last = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
        Object common = last.getCommandSpec().mixins().containsKey("common")
                ? last.getCommandSpec().mixins().get("common").userObject() : null;
        if (common instanceof CommonOptions c) {
            try {
                Logging.toStateDir(c.stateDir(), c.verbose);
            } catch (RuntimeException e) {
                throw new ExecutionException(last, "cannot set up logging in " + c.stateDir(), e);
            }
        }
        return new RunLast().execute(parseResult);
    }
}
