package io.mongolatest.pipeline.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The parsed pipeline.yaml: which data product this is, its version and its steps in order.
 *
 * @param dataProduct the {@code DataProduct} key of the ledger, e.g. {@code MONGO_LATEST}
 * @param version     the product version; part of every step fingerprint
 */
public record PipelineDefinition(String dataProduct, String version, List<StepDefinition> steps) {
    public PipelineDefinition {
        requireNonNull(dataProduct, "dataProduct is null");
        requireNonNull(version, "version is null");
        steps = List.copyOf(steps);
    }

    public Optional<Integer> indexOf(String stepName) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(stepName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
