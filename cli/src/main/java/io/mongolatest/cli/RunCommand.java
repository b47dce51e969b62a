package io.mongolatest.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.ProductLogic.InputSelection;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the data product for a correlation id, resuming a failed run at its failed step.",
                "Exit codes: 0 completed, 1 a step failed, 2 usage or input error, 3 held by another runner, 4 cancelled."})
final class RunCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    RunSpecOptions spec;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() {
        var out = cmd.commandLine().getOut();
        var err = cmd.commandLine().getErr();
        Cancellation cancellation = new Cancellation();
        int code;
        try (SignalCancellation signals = SignalCancellation.install(cancellation, () -> {
            out.flush();
            err.flush();
        })) {
            try (RunWiring w = RunWiring.open(common, ledger, spec, Clock.systemUTC())) {
                InputSelection input = w.logic.selectInput(w.params);
                out.println("input: " + input.description());
                RunResult r = w.runner().run(w.product, w.params, w.options, input.digest(),
                        new ConsoleListener(out, err), cancellation);
                code = r.outcome().exitCode();
                report(r);
            }
            signals.finish(code);
        }
        return code;
    }

    private void report(RunResult r) {
        var out = cmd.commandLine().getOut();
        var err = cmd.commandLine().getErr();
        if (r.outcome() == RunOutcome.COMPLETED) {
            out.printf("run %s COMPLETED (Run_Id %d)%n", r.plan().key(), r.row().runId());
        } else if (r.outcome() == RunOutcome.HELD) {
            err.println("error: " + r.message());
        } else {
            String id = r.row() == null ? "" : " (Run_Id " + r.row().runId() + ")";
            err.println((r.outcome() == RunOutcome.CANCELLED ? "cancelled: " : "failed: ") + r.message() + id
                    + "; run the same command again to resume");
        }
        out.flush();
        err.flush();
    }
}
