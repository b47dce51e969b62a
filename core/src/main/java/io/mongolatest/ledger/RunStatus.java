package io.mongolatest.ledger;

/** The {@code Status} attribute of a ledger row, spelled as the original system wrote it. */
public enum RunStatus {
    IN_PROGRESS,
    COMPLETED,
    FAILED
}
