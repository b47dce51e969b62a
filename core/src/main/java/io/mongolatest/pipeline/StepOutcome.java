package io.mongolatest.pipeline;

/**
 * What a step did.
 *
 * @param rows   rows written, or null when the step writes no table
 * @param detail a JSON document kept in the ledger with the step (e.g. input accounting), or null
 */
public record StepOutcome(Long rows, String detail) {
    public static StepOutcome none() {
        return new StepOutcome(null, null);
    }

    public static StepOutcome rows(long rows) {
        return new StepOutcome(rows, null);
    }
}
