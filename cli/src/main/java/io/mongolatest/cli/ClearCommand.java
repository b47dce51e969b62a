package io.mongolatest.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import io.mongolatest.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.exec.ClearRun;

@Command(name = "clear", mixinStandardHelpOptions = true,
        description = "Deletes a run's ledger row, so that the next run starts from the beginning with Run_Id 1."
                + " Refused while a runner holds the run (stop it first).")
final class ClearCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    RunLookup runs;

    @Option(names = "--correlation-id", paramLabel = "ID", required = true, description = "The run to clear.")
    String correlationId;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() {
        PrintWriter out = cmd.commandLine().getOut();
        RunKey key = runs.key(correlationId);
        try (RunLedger l = runs.open(common.stateDir())) {
            ClearRun.Cleared c = ClearRun.clear(l, key, Instant.now());
            if (c.was() != null) {
                out.println("cleared run " + key + " (was Run_Id " + c.was().runId() + ", " + c.was().status()
                        + "); the next run starts from the beginning as Run_Id 1");
            } else if (c.goneMeanwhile()) {
                out.println("run " + key + " was deleted meanwhile by someone else; nothing to clear");
            } else {
                out.println("no run " + key + " in " + l.describe() + "; nothing to clear");
            }
        }
        return ExitCode.SUCCESS.code();
    }
}
