package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

/** Identity of a run in the ledger: {@code (Correlation_Id, DataProduct)}. */
public record RunKey(String correlationId, String dataProduct) {
    public RunKey {
        requireNonNull(correlationId, "correlationId is null");
        requireNonNull(dataProduct, "dataProduct is null");
    }

    @Override
    public String toString() {
        return correlationId + "/" + dataProduct;
    }
}
