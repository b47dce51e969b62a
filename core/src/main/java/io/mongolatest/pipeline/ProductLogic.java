package io.mongolatest.pipeline;

import java.util.Map;

/**
 * What a data product brings besides its SQL: its builtin steps and how to identify its input.
 * The Mongo Latest product implements it; tests use small ones of their own.
 */
public interface ProductLogic {

    /** The builtin steps by kind, as pipeline.yaml names them in {@code builtin: <kind>}. */
    Map<String, BuiltinStep> builtins();

    /**
     * Identifies the input a run of {@code params} would read (e.g. a digest of the selected snapshot
     * files, names and sizes), so that a retry notices changed input. Throws a user error when the input
     * cannot be used at all.
     */
    InputSelection selectInput(RunParameters params);

    /** What to do once a run's last ledger write is made; nothing by default. */
    default RunEndHook runEndHook() {
        return RunEndHook.NONE;
    }

    /**
     * @param digest      short, stable identity of the input, part of every step fingerprint
     * @param description one line for plans and logs, e.g. "1 full + 3 incremental snapshots, 42 files"
     */
    record InputSelection(String digest, String description) {
        public InputSelection {
            java.util.Objects.requireNonNull(digest, "digest is null");
            java.util.Objects.requireNonNull(description, "description is null");
        }
    }
}
