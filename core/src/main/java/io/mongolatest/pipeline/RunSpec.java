package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import io.mongolatest.ledger.RunKey;
import io.mongolatest.pipeline.model.ProductPackage;

/** What a run is: the product, its logic, the parameters and how to behave. The same in every step process. */
public record RunSpec(ProductPackage product, ProductLogic logic, RunParameters params, RunOptions options) {
    public RunSpec {
        requireNonNull(product, "product is null");
        requireNonNull(logic, "logic is null");
        requireNonNull(params, "params is null");
        requireNonNull(options, "options is null");
    }

    public RunKey key() {
        return new RunKey(params.correlationId(), product.pipeline().dataProduct());
    }
}
