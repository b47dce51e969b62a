package io.mongolatest.pipeline.model;

/** What a step's failure does to the run. */
public enum OnFailure {
    /** The run stops, FAILED at this step; a retry resumes here. */
    TERMINATE,
    /** The failure is recorded and logged; the run goes on. */
    CONTINUE
}
