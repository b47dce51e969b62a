package io.mongolatest.ledger;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

/**
 * A compare-and-set lost: the row was created, changed or deleted by someone else since it was read.
 * The caller re-reads and decides; it never retries the same write blindly.
 */
public final class LedgerConflictException extends MongoLatestException {
    private static final long serialVersionUID = 1L;

    public LedgerConflictException(String message) {
        super(ErrorKind.HELD, message);
    }
}
