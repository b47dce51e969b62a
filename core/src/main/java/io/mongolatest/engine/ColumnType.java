package io.mongolatest.engine;

/** The column types a {@link RowSource} can produce; every engine maps them to its own. */
public enum ColumnType {
    BIGINT,
    INTEGER,
    BOOLEAN,
    /** UTF-8 text. */
    VARCHAR,
    /** An instant, given as microseconds since 1970-01-01T00:00:00Z; SQL sees a timestamp in UTC. */
    TIMESTAMP,
    /** A calendar date, given as days since 1970-01-01. */
    DATE
}
