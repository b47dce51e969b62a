package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The default ledger before anything has been run: read commands see no runs in it, and it is not
 * created just because somebody looked. Writing to it is a bug (writers open the real ledger).
 */
final class NoLedger implements RunLedger {
    private final String description;

    NoLedger(String description) {
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public void init() {
        throw new UnsupportedOperationException("a read-only view of a ledger that does not exist yet");
    }

    @Override
    public Optional<LedgerRow> read(RunKey key) {
        return Optional.empty();
    }

    @Override
    public void insert(LedgerRow row) {
        throw new UnsupportedOperationException("a read-only view of a ledger that does not exist yet");
    }

    @Override
    public void update(LedgerRow row, long expectedVersion) {
        throw new UnsupportedOperationException("a read-only view of a ledger that does not exist yet");
    }

    @Override
    public boolean delete(RunKey key, long expectedVersion) {
        return false;
    }

    @Override
    public List<LedgerRow> list(String dataProduct) {
        return List.of();
    }

    @Override
    public String describe() {
        return description + " (not created yet)";
    }

    @Override
    public void close() {
    }
}
