package io.mongolatest.tables;

import io.mongolatest.storage.TableName;

/**
 * A change of one table, made ready by a {@link TableStore} and committed by {@link TableStore#commit}: a new
 * whole content, the content of another table, or the table dropped. Only the store that made it knows how.
 */
public interface TableChange {

    TableName table();

    /** Rows the table has after the change (0 for a drop). */
    long rows();
}
