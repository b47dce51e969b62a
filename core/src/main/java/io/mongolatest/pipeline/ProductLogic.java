package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import io.mongolatest.storage.InputStore;

/**
 * What a data product brings besides its SQL: its builtin steps and how to select its input.
 * The Mongo Latest product implements it; tests use small ones of their own.
 */
public interface ProductLogic {

    /** The builtin steps by kind, as pipeline.yaml names them in {@code builtin: <kind>}. */
    Map<String, BuiltinStep> builtins();

    /**
     * Selects the input a run of {@code params} reads from {@code input} (e.g. the snapshot files, with
     * names, sizes and identities), so that a retry notices changed input and every step process reads the
     * same. Throws a user error when the input cannot be used at all.
     */
    InputSelection selectInput(RunParameters params, InputStore input);

    /** The names of the placeholders the product adds to the generic ones ({@link ProductArguments#placeholders()}). */
    default java.util.Set<String> placeholders() {
        return java.util.Set.of();
    }

    /** What to do once a run's last ledger write is made; nothing by default. */
    default RunEndHook runEndHook() {
        return RunEndHook.NONE;
    }

    /**
     * @param digest      short, stable identity of the input, part of every step fingerprint
     * @param description one line for plans and logs, e.g. "1 full + 3 incremental snapshots, 42 files"
     * @param record      the selection itself, kept in the warehouse when an attempt begins and given back to
     *                    its steps ({@link StepContext#recordedInput()}); the product reads its own format
     */
    record InputSelection(String digest, String description, byte[] record) {
        public InputSelection {
            requireNonNull(digest, "digest is null");
            requireNonNull(description, "description is null");
            requireNonNull(record, "record is null");
        }
    }
}
