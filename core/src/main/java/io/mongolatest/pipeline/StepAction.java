package io.mongolatest.pipeline;

/** What a plan decides for a step. */
public enum StepAction {
    RUN,
    SKIP
}
