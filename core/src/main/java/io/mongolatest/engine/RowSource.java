package io.mongolatest.engine;

import java.io.IOException;
import java.util.List;

/**
 * Rows produced by Java code, for SQL to read as a table (see {@link EngineSession#registerSource}).
 * The rows come in independent splits that the engine may read in parallel, each split by one thread.
 */
public interface RowSource {

    List<SourceColumn> columns();

    int splitCount();

    /**
     * How many rows the source will give, or -1 when unknown: an engine plans joins with it (the side it
     * holds in memory should be the smaller one).
     */
    default long rowCount() {
        return -1;
    }

    /** Opens split {@code split} (0-based); called from engine worker threads. */
    SplitReader open(int split) throws IOException;

    /** Reads one split. */
    interface SplitReader extends AutoCloseable {
        /**
         * Fills rows {@code 0..n-1} of {@code batch} (every column of each row, or null) and returns
         * {@code n}; 0 means the split is done.
         */
        int read(RowBatch batch) throws IOException;

        @Override
        void close() throws IOException;
    }
}
