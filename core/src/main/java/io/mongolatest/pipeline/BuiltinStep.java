package io.mongolatest.pipeline;

/**
 * A step implemented in Java. It throws to fail (any exception; a {@link io.mongolatest.MongoLatestException}
 * gives the one-line message recorded in the ledger) and checks {@link StepContext#cancellation()} in
 * long loops.
 */
@FunctionalInterface
public interface BuiltinStep {
    StepOutcome run(StepContext context) throws Exception;

    /**
     * Why this step cannot run on {@code engine}, if it cannot (e.g. the engine lacks a capability it needs):
     * asked when a run is planned, so that such a run is refused before anything is written.
     */
    default java.util.Optional<String> cannotRunOn(io.mongolatest.engine.SqlEngine engine) {
        return java.util.Optional.empty();
    }

    /**
     * What the plan should say about how this step will run (e.g. a build that reads only new input), added
     * to its reason when the plan runs it; read-only.
     */
    default java.util.Optional<String> planNote(RunSpec spec, RunParts parts, ProductLogic.InputSelection input) {
        return java.util.Optional.empty();
    }
}
