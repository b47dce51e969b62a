package io.mongolatest.cli;

import java.io.PrintWriter;
import java.time.Duration;

import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.pipeline.plan.Plan;

/** Prints a run's progress, a line per event, for an operator watching the terminal or a CI log. */
final class ConsoleListener implements RunListener {
    private final PrintWriter out;
    private final PrintWriter err;

    ConsoleListener(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void runStarted(Plan plan) {
        String how = switch (plan.start()) {
            case NEW -> "new run";
            case RERUN -> "full re-run after a completed run";
            case RETRY -> plan.resumeStep() == null ? "retry from the start" : "retry from " + plan.resumeStep();
            case HELD -> "held";
        };
        out.printf("run %s: Run_Id %d (%s)%n", plan.key(), plan.runId(), how);
        out.flush();
    }

    @Override
    public void stepStarted(StepDefinition step, int index, int total) {
        out.printf("[%d/%d] %s ...%n", index + 1, total, step.name());
        out.flush();
    }

    @Override
    public void stepFinished(StepRecord r, int index, int total) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("[%d/%d] %s %s", index + 1, total, r.name(), r.status()));
        Duration d = r.duration();
        if (d != null && r.status() != StepStatus.SKIPPED) {
            b.append(String.format(" in %.1f s", d.toMillis() / 1000.0));
        }
        if (r.rows() != null && r.status() == StepStatus.SUCCEEDED) {
            b.append(String.format(", %,d rows", r.rows()));
        }
        if (r.error() != null) {
            b.append(": ").append(r.error());
        }
        out.println(b);
        out.flush();
    }

    @Override
    public void progress(String step, String message) {
        out.printf("      %s: %s%n", step, message);
        out.flush();
    }

    @Override
    public void warning(String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
