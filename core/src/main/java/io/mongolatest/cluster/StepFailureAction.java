package io.mongolatest.cluster;

/** What EMR does when a step fails ({@code ActionOnFailure}), spelled as EMR spells it. */
public enum StepFailureAction {
    /** Cancel the remaining steps and terminate the cluster (unless it has termination protection). */
    TERMINATE_CLUSTER,
    /** Cancel the remaining steps and keep the cluster waiting. */
    CANCEL_AND_WAIT,
    /** Go on with the next step. */
    CONTINUE
}
