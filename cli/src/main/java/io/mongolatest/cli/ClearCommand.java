package io.mongolatest.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.mongolatest.ErrorKind;
import io.mongolatest.ExitCode;
import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.LedgerConflictException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.RunPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    private static void refuseIfHeld(RunKey key, LedgerRow row) {
        Optional<String> holder = RunPlanner.liveHolder(row, Instant.now());
        if (holder.isPresent()) {
            throw new MongoLatestException(ErrorKind.HELD, "run " + key + " is held by " + holder.get()
                    + "; stop it first (mongo-latest stop)");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = cmd.commandLine().getOut();
        RunKey key = runs.key(correlationId);
        try (RunLedger l = runs.open(common.stateDir())) {
            Optional<LedgerRow> row = l.read(key);
            if (row.isEmpty()) {
                out.println("no run " + key + " in " + l.describe() + "; nothing to clear");
                return ExitCode.SUCCESS.code();
            }
            refuseIfHeld(key, row.get());
            boolean deleted;
            try {
                deleted = l.delete(key, row.get().version());
            } catch (LedgerConflictException e) {
                // Changed since it was read, e.g. a runner took it: refuse on what it is now, never guess.
                l.read(key).ifPresent(now -> refuseIfHeld(key, now));
                throw new MongoLatestException(ErrorKind.HELD, "run " + key + " changed while it was being cleared;"
                        + " nothing was deleted: look at it with mongo-latest status, then clear again");
            }
            if (!deleted) {
                out.println("run " + key + " was deleted meanwhile by someone else; nothing to clear");
                return ExitCode.SUCCESS.code();
            }
            out.println("cleared run " + key + " (was Run_Id " + row.get().runId() + ", " + row.get().status()
                    + "); the next run starts from the beginning as Run_Id 1");
        }
        return ExitCode.SUCCESS.code();
    }
}
