package io.mongolatest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;

/** The relaunch table, row by row: event kind x what the ledger says x retry settings, and the decision. */
class RelaunchPolicyTableTest {
    private static final String CLUSTER = "j-FAILED";
    private static final String TWE = "TERMINATED_WITH_ERRORS";

    private static ClusterStateChange event(String name, String state, String code) {
        return new ClusterStateChange(CLUSTER, name, state, Optional.ofNullable(code), Optional.of("why"),
                Optional.empty());
    }

    /** A ledger row held by the failed cluster (or by {@code holder}). */
    private static Optional<RunView> run(long runId, RunStatus status, String step, boolean started, String holder) {
        return Optional.of(new RunView("run-1", runId, status, Optional.ofNullable(step), holder, started));
    }

    private static Optional<RunView> run(long runId, RunStatus status, String step, boolean started) {
        return run(runId, status, step, started, CLUSTER);
    }

    private static Arguments row(String name, String state, String code, Optional<RunView> run, int maxRetries,
            Set<String> noRetry, boolean relaunch, RelaunchRule rule) {
        return Arguments.of(event(name, state, code), run, new RelaunchPolicy(maxRetries, 1, noRetry), relaunch,
                rule);
    }

    static Stream<Arguments> table() {
        Set<String> none = Set.of();
        return Stream.of(
                // events that are not this tool's business
                row("other-cluster", TWE, "STEP_FAILURE", run(1, RunStatus.FAILED, "b", true), 2, none, false,
                        RelaunchRule.OTHER_CLUSTER),
                row("mongo-latest", "TERMINATED", "ALL_STEPS_COMPLETED", run(1, RunStatus.COMPLETED, "f", true), 2,
                        none, false, RelaunchRule.NOT_FAILED),
                row("mongo-latest", "TERMINATED", "USER_REQUEST", run(1, RunStatus.FAILED, "b", true), 2, none,
                        false, RelaunchRule.NOT_FAILED),
                row("mongo-latest", "RUNNING", null, run(1, RunStatus.IN_PROGRESS, "b", true), 2, none, false,
                        RelaunchRule.NOT_FAILED),
                row("mongo-latest", TWE, "USER_REQUEST", run(1, RunStatus.FAILED, "b", true), 2, none, false,
                        RelaunchRule.USER_REQUEST),
                // what the ledger says
                row("mongo-latest", TWE, "STEP_FAILURE", Optional.empty(), 2, none, false, RelaunchRule.NO_RUN),
                row("mongo-latest", TWE, "BOOTSTRAP_FAILURE", Optional.empty(), 2, none, false, RelaunchRule.NO_RUN),
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.IN_PROGRESS, "b", true, "j-NEWER"), 2,
                        none, false, RelaunchRule.STALE_EVENT),
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.COMPLETED, "f", true), 2, none, false,
                        RelaunchRule.ALREADY_COMPLETED),
                row("mongo-latest", TWE, "VALIDATION_ERROR", run(1, RunStatus.IN_PROGRESS, null, false), 2, none,
                        false, RelaunchRule.INVALID_REQUEST),
                // step failures: Run_Id <= max_retries, and not a no-retry step
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.FAILED, "b", true), 2, none, true,
                        RelaunchRule.STEP_RETRY),
                row("mongo-latest", TWE, "STEP_FAILURE", run(2, RunStatus.FAILED, "b", true), 2, none, true,
                        RelaunchRule.STEP_RETRY),
                row("mongo-latest", TWE, "STEP_FAILURE", run(3, RunStatus.FAILED, "b", true), 2, none, false,
                        RelaunchRule.STEP_RETRIES_EXHAUSTED),
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.FAILED, "b", true), 0, none, false,
                        RelaunchRule.STEP_RETRIES_EXHAUSTED),
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.FAILED, "b", true), 2, Set.of("b"), false,
                        RelaunchRule.STEP_NOT_RETRIED),
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.FAILED, "c", true), 2, Set.of("b"), true,
                        RelaunchRule.STEP_RETRY),
                // the step process died before it could write FAILED
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.IN_PROGRESS, "b", true), 2, none, true,
                        RelaunchRule.STEP_RETRY),
                row("mongo-latest", TWE, "STEP_FAILURE", run(1, RunStatus.IN_PROGRESS, null, false), 2, none, true,
                        RelaunchRule.STEP_RETRY),
                // before any step started: Run_Id <= max_retries + bootstrap_retries (1 here)
                row("mongo-latest", TWE, "BOOTSTRAP_FAILURE", run(1, RunStatus.IN_PROGRESS, null, false), 0, none,
                        true, RelaunchRule.BOOTSTRAP_RETRY),
                row("mongo-latest", TWE, "BOOTSTRAP_FAILURE", run(2, RunStatus.IN_PROGRESS, null, false), 0, none,
                        false, RelaunchRule.BOOTSTRAP_RETRIES_EXHAUSTED),
                row("mongo-latest", TWE, "BOOTSTRAP_FAILURE", run(3, RunStatus.FAILED, "b", false), 2, none, true,
                        RelaunchRule.BOOTSTRAP_RETRY),
                row("mongo-latest", TWE, "BOOTSTRAP_FAILURE", run(4, RunStatus.FAILED, "b", false), 2, none, false,
                        RelaunchRule.BOOTSTRAP_RETRIES_EXHAUSTED),
                row("mongo-latest", TWE, "INSTANCE_FLEET_TIMEOUT", run(1, RunStatus.IN_PROGRESS, null, false), 0,
                        none, true, RelaunchRule.BOOTSTRAP_RETRY),
                row("mongo-latest", TWE, "INTERNAL_ERROR", run(1, RunStatus.IN_PROGRESS, null, false), 0, none, true,
                        RelaunchRule.BOOTSTRAP_RETRY),
                row("mongo-latest", TWE, null, run(1, RunStatus.IN_PROGRESS, null, false), 0, none, true,
                        RelaunchRule.BOOTSTRAP_RETRY),
                // anything else
                row("mongo-latest", TWE, "INSTANCE_FAILURE", run(1, RunStatus.IN_PROGRESS, "b", true), 2, none,
                        false, RelaunchRule.OTHER_FAILURE),
                row("mongo-latest", TWE, "INTERNAL_ERROR", run(1, RunStatus.FAILED, "b", true), 2, none, false,
                        RelaunchRule.OTHER_FAILURE));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {4}")
    @MethodSource("table")
    void decides(ClusterStateChange event, Optional<RunView> run, RelaunchPolicy policy, boolean relaunch,
            RelaunchRule rule) {
        RelaunchDecision d = new RelaunchPolicyTable("mongo-latest", policy).decide(event, run);
        assertThat(d.rule()).isEqualTo(rule);
        assertThat(d.relaunch()).isEqualTo(relaunch);
        assertThat(d.correlationId()).isEqualTo(run.map(RunView::correlationId));
        assertThat(d.reason()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void everyRowOfTheTableIsReachedByAnExample() {
        Set<RelaunchRule> seen = EnumSet.noneOf(RelaunchRule.class);
        table().forEach(a -> seen.add((RelaunchRule) a.get()[4]));
        assertThat(seen).containsExactlyInAnyOrder(RelaunchRule.values());
        assertThat(RelaunchPolicyTable.TABLE).extracting(RelaunchPolicyTable.Row::rule)
                .containsExactly(RelaunchRule.values());
    }

    @Test
    void theReasonsSayWhatHappened() {
        RelaunchPolicyTable production = new RelaunchPolicyTable("mongo-latest", new RelaunchPolicy(2, 1, Set.of()));
        assertThat(production.decide(event("mongo-latest", TWE, "STEP_FAILURE"),
                run(2, RunStatus.FAILED, "mongo-latest-build", true)).reason())
                .isEqualTo("step mongo-latest-build failed in attempt 2; retries allowed while Run_Id <= 2");
        assertThat(production.decide(event("mongo-latest", TWE, "BOOTSTRAP_FAILURE"),
                run(4, RunStatus.FAILED, null, false)).reason())
                .isEqualTo("the cluster failed before any step started (BOOTSTRAP_FAILURE) in attempt 4; no relaunch"
                        + " after Run_Id 3");
        assertThat(production.decide(event("mongo-latest", TWE, "STEP_FAILURE"), Optional.empty()).reason())
                .isEqualTo("no run in the ledger has Cluster_Id j-FAILED");
    }

    @Test
    void theLedgerRowSaysWhetherAStepOfThisAttemptStarted() {
        Instant t = Instant.parse("2022-01-10T03:00:00Z");
        StepRecord skipped = new StepRecord("a", StepStatus.SKIPPED, null, null, null, null, "f", null);
        StepRecord failed = new StepRecord("b", StepStatus.FAILED, t, t, null, "boom", null, null);
        LedgerRow bootstrapOnly = row(List.of(skipped, StepRecord.notRun("b")));
        LedgerRow stepRan = row(List.of(skipped, failed));
        assertThat(RunView.of(bootstrapOnly).stepsStarted()).isFalse();
        assertThat(RunView.of(stepRan)).isEqualTo(new RunView("run-1", 2, RunStatus.FAILED, Optional.of("b"),
                CLUSTER, true));
    }

    private static LedgerRow row(List<StepRecord> steps) {
        return new LedgerRow(new RunKey("run-1", "MONGO_LATEST"), "2022-01-10", 2, RunStatus.FAILED, "b", CLUSTER,
                "incremental", "s3://in/", "s3://out/", 0, null, null, null, steps, List.of(), null, 1);
    }
}
