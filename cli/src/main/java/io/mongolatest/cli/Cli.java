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
        return commandLine(out, err, Logging.ofProcess());
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, Logging logging) {
        return commandLine(new MongoLatestCommand(), out, err, logging);
    }

    /** {@code command}'s tree with this tool's error handling and logging (tests give commands of their own). */
    static CommandLine commandLine(Object command, PrintWriter out, PrintWriter err, Logging logging) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler(logging));
        cl.setExecutionStrategy(parseResult -> executeWithLogging(parseResult, logging));
        return cl;
    }

    /** Runs one command line in this JVM, its log in the state folder it names (the tests' way in). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Logging.ofProcess());
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err, Logging logging) {
        CommandLine cl = commandLine(out, err, logging);
        try {
            ConfigFileDefaults.fromArgs(args, cl).ifPresent(cl::setDefaultValueProvider);
        } catch (MongoLatestException e) {
            err.println("error: " + e.getMessage());
            return e.kind().exitCode();
        } catch (Error e) {
            return new FailureHandler(logging).unexpected(e, err);
        }
        return cl.execute(args);
    }

    /** Points the log at the command's state folder; help and version write nothing there. */
    private static int executeWithLogging(ParseResult parseResult, Logging logging) {
        CommandLine last = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
        Object common = last.getCommandSpec().mixins().containsKey("common")
                ? last.getCommandSpec().mixins().get("common").userObject() : null;
        boolean helpOnly = last.isUsageHelpRequested() || last.isVersionHelpRequested();
        try {
            if (common instanceof CommonOptions c) {
                logging.forCommand(helpOnly ? null : c.stateDir(), c.verbose,
                        last.getCommandSpec().userObject() instanceof ReadCommand);
            } else {
                logging.forCommand(null, false, false);
            }
        } catch (MongoLatestException e) {
            throw new ExecutionException(last, e.getMessage(), e);
        }
        try {
            return new RunLast().execute(parseResult);
        } catch (Error e) {
            // picocli lets an Error through, to be printed with its stack trace: handled like any bug instead.
            throw new ExecutionException(last, e.toString(), e);
        }
    }
}
