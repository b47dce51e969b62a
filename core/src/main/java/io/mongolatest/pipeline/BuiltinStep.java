package io.mongolatest.pipeline;

/**
 * A step implemented in Java. It throws to fail (any exception; a {@link io.mongolatest.MongoLatestException}
 * gives the one-line message recorded in the ledger) and checks {@link StepContext#cancellation()} in
 * long loops.
 */
@FunctionalInterface
public interface BuiltinStep {
    StepOutcome run(StepContext context) throws Exception;
}
