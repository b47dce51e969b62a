package io.mongolatest.cli;

import java.util.concurrent.Callable;

import io.mongolatest.ExitCode;
import io.mongolatest.ledger.RunLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Works with the run ledger.",
        subcommands = LedgerCommand.Init.class)
final class LedgerCommand {
    // A group of subcommands: invoked alone, picocli reports the missing subcommand.

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates the ledger table if it does not exist (DynamoDB: with TTL on TimeToExist).")
    static final class Init implements Callable<Integer> {
        @Mixin(name = "common")
        CommonOptions common;

        @Mixin
        LedgerOptions ledger;

        @Option(names = "--no-ttl", description = "DynamoDB: do not enable TTL on TimeToExist, for DynamoDB-compatible"
                + " servers that have no TTL (e.g. dynalite). Rows then never expire. Not for AWS.")
        boolean noTtl;

        @Spec
        CommandSpec cmd;

        @Override
        public Integer call() {
            try (RunLedger l = ledger.openForInit(common.stateDir(), !noTtl)) {
                l.init();
                if (noTtl) {
                    cmd.commandLine().getErr().println("warning: --no-ttl: TTL on TimeToExist was not enabled on "
                            + l.describe() + "; its rows will not expire");
                }
                cmd.commandLine().getOut().println("ledger ready: " + l.describe());
            }
            return ExitCode.SUCCESS.code();
        }
    }
}
