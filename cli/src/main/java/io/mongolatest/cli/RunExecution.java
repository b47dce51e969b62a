package io.mongolatest.cli;

import java.io.PrintWriter;
import java.util.function.Function;

import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.pipeline.exec.RunAllSteps;
import io.mongolatest.pipeline.exec.RunOneStep;

/** Runs a wired run (or one step of it) on the terminal: progress lines, Ctrl-C cancels, a closing line says how it ended. */
final class RunExecution {
    private RunExecution() {
    }

    /** {@code run}: returns the run's exit code. */
    static int run(RunWiring w, PrintWriter out, PrintWriter err) {
        return withSignals(out, err, cancellation -> {
            RunResult r = RunAllSteps.run(w.spec, w.parts, new ConsoleListener(out, err), cancellation);
            report(r, out, err);
            return r.outcome().exitCode();
        });
    }

    /** {@code step NAME}: returns the step's exit code. */
    static int step(RunWiring w, String name, PrintWriter out, PrintWriter err) {
        return withSignals(out, err, cancellation -> {
            RunOneStep.StepResult r = RunOneStep.step(w.spec, w.parts, name, new ConsoleListener(out, err),
                    cancellation);
            String id = r.row() == null ? "" : " (Run_Id " + r.row().runId() + ")";
            switch (r.outcome()) {
                case HELD -> err.println("error: " + r.message());
                case FAILED -> err.println("failed: " + r.message() + id + "; run the attempt's steps again to resume");
                case CANCELLED -> err.println("cancelled: " + r.message() + id + "; run this step again to resume");
                case COMPLETED -> out.println(r.message() != null ? r.message() + id
                        : "step " + name + " " + (r.status() == null ? "done" : r.status()) + id);
            }
            out.flush();
            err.flush();
            return r.outcome().exitCode();
        });
    }

    private static int withSignals(PrintWriter out, PrintWriter err, Function<Cancellation, Integer> body) {
        Cancellation cancellation = new Cancellation();
        try (SignalCancellation signals = SignalCancellation.install(cancellation, () -> {
            out.flush();
            err.flush();
        })) {
            int code = body.apply(cancellation);
            signals.finish(code);
            return code;
        }
    }

    private static void report(RunResult r, PrintWriter out, PrintWriter err) {
        if (r.outcome() == RunOutcome.COMPLETED) {
            out.printf("run %s COMPLETED (Run_Id %d)%n", r.row().key(), r.row().runId());
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
