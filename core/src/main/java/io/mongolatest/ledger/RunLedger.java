package io.mongolatest.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The run ledger: one row per {@link RunKey}. Every change is a compare-and-set on the row's
 * {@link LedgerRow#version()}, so two runners can never both believe they own a run.
 *
 * <p>Implementations raise {@link LedgerConflictException} for a lost compare-and-set, and
 * {@link io.mongolatest.MongoLatestException} of kind EXTERNAL when the store cannot be reached.
 */
public interface RunLedger extends AutoCloseable {

    /** Creates the table (and TTL, where the store has one) if it does not exist yet. Idempotent. */
    void init();

    Optional<LedgerRow> read(RunKey key);

    /** Writes {@code row} only if no row has its key; otherwise {@link LedgerConflictException}. */
    void insert(LedgerRow row);

    /**
     * Replaces the stored row with {@code row} only if the stored version is {@code expectedVersion}
     * (0 also matches rows without a version, as the original wrote them); otherwise
     * {@link LedgerConflictException}, also when the row is gone.
     */
    void update(LedgerRow row, long expectedVersion);

    /** Deletes the row only if its version is {@code expectedVersion}; false if there was no row. */
    boolean delete(RunKey key, long expectedVersion);

    /** Every row of the given data product, ordered by correlation id. */
    List<LedgerRow> list(String dataProduct);

    /** Where this ledger lives, for messages: {@code sqlite:/path/ledger.db}, {@code dynamodb:table}. */
    String describe();

    @Override
    void close();
}
