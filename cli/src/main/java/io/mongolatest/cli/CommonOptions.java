package io.mongolatest.cli;

import java.nio.file.Path;

import io.mongolatest.ledger.LedgerLocation;
import picocli.CommandLine.Option;

/** Options every command accepts: where state lives, the config file, how much to log. */
final class CommonOptions {
    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Local state: " + LedgerLocation.DEFAULT_FILE + ", logs, spill and scratch files, the demo."
                    + " Default: $MONGO_LATEST_HOME or ~/.mongo-latest.")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = {"YAML file of option defaults; flags override it. Keys are option names without '--'."
                    + " A key at the top applies to every command that has the option; a section named after a"
                    + " command (run:, query:, ledger: with init: inside, ...) to that command only, and wins over"
                    + " the top. A key that names no option is an error.",
                    "For example:", "  ledger: dynamodb:data_pipeline_metadata", "  run:", "    memory: 8GiB",
                    "  query:", "    format: csv"})
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Show debug logging and stack traces on the terminal.")
    boolean verbose;

    Path stateDir() {
        if (stateDir != null) {
            return stateDir.toAbsolutePath().normalize();
        }
        String home = System.getenv("MONGO_LATEST_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".mongo-latest");
    }
}
