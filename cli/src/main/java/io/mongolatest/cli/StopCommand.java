package io.mongolatest.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.mongolatest.ledger.LeaseOwner;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Cancels the live runs of this host (all, or one with --correlation-id): each records itself"
                + " FAILED at its current step, so that the next run resumes there.")
final class StopCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    RunLookup runs;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "Stop only this run.")
    String correlationId;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for each run to record itself and exit. Default: ${DEFAULT-VALUE}.")
    Duration wait;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = cmd.commandLine().getOut();
        List<LedgerRow> rows;
        try (RunLedger l = runs.open(common.stateDir())) {
            rows = l.list(runs.dataProduct());
        }
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int refused = 0;
        for (LedgerRow r : rows) {
            if (r.lease() == null || r.lease().expiredAt(Instant.now())
                    || (correlationId != null && !correlationId.equals(r.key().correlationId()))) {
                continue;
            }
            Optional<LeaseOwner> owner = LeaseOwner.parse(r.lease().owner());
            if (owner.isEmpty() || !owner.get().onThisHost()) {
                continue;
            }
            Optional<String> unproven = owner.get().whyNotProvenRunner();
            if (unproven.isPresent()) {
                if (owner.get().alive()) {
                    refused++;
                    cmd.commandLine().getErr().println("warning: not stopping run " + r.key() + ": " + unproven.get()
                            + "; leaving it alone");
                }
                continue;
            }
            Optional<ProcessHandle> p = owner.get().process();
            if (p.isEmpty()) {
                continue;
            }
            out.printf("stopping run %s (Run_Id %d, step %s, pid %d)%n", r.key(), r.runId(), r.currentStep(),
                    p.get().pid());
            out.flush();
            p.get().destroy(); // SIGTERM: the run cancels itself and records FAILED
            exits.add(p.get().onExit());
            names.add(r.key().toString());
        }
        if (exits.isEmpty()) {
            out.println("no live run on this host" + (correlationId == null ? "" : " for " + correlationId)
                    + (refused > 0 ? " that is provably a mongo-latest run" : ""));
            return refused > 0 ? 1 : 0;
        }
        int stuck = 0;
        for (int i = 0; i < exits.size(); i++) {
            try {
                exits.get(i).get(wait.toMillis(), TimeUnit.MILLISECONDS);
                out.println("stopped " + names.get(i));
            } catch (TimeoutException | ExecutionException e) {
                stuck++;
                cmd.commandLine().getErr().println("error: " + names.get(i) + " did not stop within " + wait.toSeconds()
                        + " s");
            }
        }
        return stuck == 0 && refused == 0 ? 0 : 1;
    }
}
