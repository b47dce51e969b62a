package io.mongolatest.ledger;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest extends RunLedgerContract {
    @TempDir
    Path dir;

    @Override
    protected RunLedger openLedger() {
        return SqliteLedger.open(dir.resolve("state").resolve("ledger.db"));
    }

    @Override
    protected RunLedger openSecondClient() {
        return SqliteLedger.open(dir.resolve("state").resolve("ledger.db"));
    }
}
