package io.mongolatest.cli;

import java.io.PrintWriter;

import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.ProductLogic.InputSelection;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunResult;

/** Runs a wired run on the terminal: progress lines, Ctrl-C cancels it, a closing line says how it ended. */
final class RunExecution {
    private RunExecution() {
    }

    /** Returns the run's exit code. */
    static int run(RunWiring w, PrintWriter out, PrintWriter err) {
        Cancellation cancellation = new Cancellation();
        int code;
        try (SignalCancellation signals = SignalCancellation.install(cancellation, () -> {
            out.flush();
            err.flush();
        })) {
            InputSelection input = w.logic.selectInput(w.params);
            out.println("input: " + input.description());
            RunResult r = w.runner().run(w.product, w.params, w.options, input.digest(),
                    new ConsoleListener(out, err), cancellation);
            code = r.outcome().exitCode();
            report(r, out, err);
            signals.finish(code);
        }
        return code;
    }

    private static void report(RunResult r, PrintWriter out, PrintWriter err) {
        if (r.outcome() == RunOutcome.COMPLETED) {
            out.printf("run %s COMPLETED (Run_Id %d)%n", r.plan().key(), r.row().runId());
            if (r.message() != null) {
                out.println("note: " + r.message());
            }
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
