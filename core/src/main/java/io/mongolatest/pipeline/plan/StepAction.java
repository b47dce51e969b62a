package io.mongolatest.pipeline.plan;

/** What a plan decides for a step. */
public enum StepAction {
    RUN,
    SKIP
}
