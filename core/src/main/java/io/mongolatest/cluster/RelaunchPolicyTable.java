package io.mongolatest.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.mongolatest.ledger.RunStatus;

/**
 * Decides whether a cluster that ended is launched again, from the state-change event and what the ledger says
 * of the run it held. The rows are tried in order; the first that matches decides. Beyond the original: a cluster
 * that failed before any step started is always worth another try (nothing was half done), bounded by
 * {@link RelaunchPolicy#bootstrapRetries()}; a step failure is retried while {@code Run_Id <= max_retries} and
 * the step is not in the no-retry list.
 */
public final class RelaunchPolicyTable {
    /** What a row looks at. */
    record Facts(ClusterStateChange event, Optional<RunView> run, RelaunchPolicy policy, String clusterName) {
        String code() {
            return event.reasonCode().orElse("");
        }

        RunView row() {
            return run.orElseThrow();
        }

        String failedStep() {
            return row().currentStep().orElse("(unknown)");
        }

        boolean beforeAnyStep() {
            return code().equals("BOOTSTRAP_FAILURE") || !row().stepsStarted();
        }
    }

    /** One row: when it applies, what it decides, and the reason given. */
    record Row(RelaunchRule rule, Predicate<Facts> when, boolean relaunch, Function<Facts, String> reason) {
    }

    static final List<Row> TABLE = List.of(
            new Row(RelaunchRule.OTHER_CLUSTER, f -> !f.event().name().equals(f.clusterName()), false,
                    f -> "cluster " + f.event().clusterId() + " is named '" + f.event().name() + "', not '"
                            + f.clusterName() + "'"),
            new Row(RelaunchRule.NOT_FAILED, f -> !f.event().terminatedWithErrors(), false,
                    f -> "cluster " + f.event().describe() + ": only " + ClusterStateChange.TERMINATED_WITH_ERRORS
                            + " is relaunched"),
            new Row(RelaunchRule.USER_REQUEST, f -> f.code().equals("USER_REQUEST"), false,
                    f -> "cluster " + f.event().clusterId() + " was terminated on request: a stopped run is"
                            + " resumed by launching it again"),
            new Row(RelaunchRule.NO_RUN, f -> f.run().isEmpty(), false,
                    f -> "no run in the ledger has Cluster_Id " + f.event().clusterId()),
            new Row(RelaunchRule.STALE_EVENT, f -> !f.row().clusterId().equals(f.event().clusterId()), false,
                    f -> "run " + f.row().correlationId() + " is now held by " + f.row().clusterId() + ", not "
                            + f.event().clusterId()),
            new Row(RelaunchRule.ALREADY_COMPLETED, f -> f.row().status() == RunStatus.COMPLETED, false,
                    f -> "run " + f.row().correlationId() + " is already COMPLETED"),
            new Row(RelaunchRule.INVALID_REQUEST, f -> f.code().equals("VALIDATION_ERROR"), false,
                    f -> "EMR refused the cluster's configuration (" + f.event().reasonMessage().orElse("no message")
                            + "): another launch would fail the same way"),
            new Row(RelaunchRule.STEP_NOT_RETRIED, f -> f.code().equals("STEP_FAILURE")
                    && f.policy().noRetrySteps().contains(f.failedStep()), false,
                    f -> "step " + f.failedStep() + " failed and is in the no-retry list"),
            new Row(RelaunchRule.STEP_RETRY, f -> f.code().equals("STEP_FAILURE")
                    && f.row().runId() <= f.policy().maxRetries(), true,
                    f -> "step " + f.failedStep() + " failed in attempt " + f.row().runId() + "; retries allowed"
                            + " while Run_Id <= " + f.policy().maxRetries()),
            new Row(RelaunchRule.STEP_RETRIES_EXHAUSTED, f -> f.code().equals("STEP_FAILURE"), false,
                    f -> "step " + f.failedStep() + " failed in attempt " + f.row().runId() + "; no retry after"
                            + " Run_Id " + f.policy().maxRetries()),
            new Row(RelaunchRule.BOOTSTRAP_RETRY, f -> f.beforeAnyStep() && f.row().runId()
                    <= (long) f.policy().maxRetries() + f.policy().bootstrapRetries(), true,
                    f -> "the cluster failed before any step started (" + codeText(f) + ") in attempt "
                            + f.row().runId() + "; nothing was half done"),
            new Row(RelaunchRule.BOOTSTRAP_RETRIES_EXHAUSTED, Facts::beforeAnyStep, false,
                    f -> "the cluster failed before any step started (" + codeText(f) + ") in attempt "
                            + f.row().runId() + "; no relaunch after Run_Id "
                            + (f.policy().maxRetries() + f.policy().bootstrapRetries())),
            new Row(RelaunchRule.OTHER_FAILURE, f -> true, false,
                    f -> "the cluster failed (" + codeText(f) + ") while steps ran but not in a step: not"
                            + " relaunched"));

    private final String clusterName;
    private final RelaunchPolicy policy;

    /** @param clusterName the name launch gives clusters ({@code mongo-latest}): events of others are ignored */
    public RelaunchPolicyTable(String clusterName, RelaunchPolicy policy) {
        this.clusterName = requireNonNull(clusterName, "clusterName is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    public RelaunchDecision decide(ClusterStateChange event, Optional<RunView> run) {
        Facts facts = new Facts(requireNonNull(event, "event is null"), requireNonNull(run, "run is null"), policy,
                clusterName);
        for (Row row : TABLE) {
            if (row.when().test(facts)) {
                return new RelaunchDecision(row.relaunch(), row.rule(), row.reason().apply(facts),
                        run.map(RunView::correlationId));
            }
        }
        throw new IllegalStateException("the relaunch table has no last row");
    }

    private static String codeText(Facts f) {
        return f.code().isEmpty() ? "no reason code" : f.code();
    }
}
