package io.mongolatest.cli;

import java.nio.file.Path;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.RunParameters;
import picocli.CommandLine.Mixin;

/** Where runs are and whose they are: the ledger and the data product, for commands that look runs up. */
final class RunLookup {
    @Mixin
    LedgerOptions ledger;

    @Mixin
    ProductOption product;

    /** The ledger to look runs up in; looking never creates one. */
    RunLedger open(Path stateDir) {
        return ledger.openExisting(stateDir);
    }

    String dataProduct() {
        return product.dataProduct();
    }

    RunKey key(String correlationId) {
        return new RunKey(RunParameters.checkCorrelationId(correlationId), dataProduct());
    }

    /** The run's row, or a user error saying there is none. */
    static LedgerRow require(RunLedger ledger, RunKey key) {
        return ledger.read(key).orElseThrow(() -> MongoLatestException.user("no run " + key + " in "
                + ledger.describe()));
    }
}
