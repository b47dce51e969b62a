package io.mongolatest.pipeline;

import io.mongolatest.ledger.StepRecord;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.pipeline.plan.Plan;

/** Progress of a run, for whoever shows it (the CLI prints it; tests record it). */
public interface RunListener {
    default void runStarted(Plan plan) {
    }

    default void stepStarted(StepDefinition step, int index, int total) {
    }

    default void stepFinished(StepRecord record, int index, int total) {
    }

    /** A step's own progress line, e.g. "core.contract: 120,000 lines". */
    default void progress(String step, String message) {
    }

    default void warning(String message) {
    }

    RunListener NONE = new RunListener() {
    };
}
