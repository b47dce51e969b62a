package io.mongolatest.engine;

/**
 * A session capability: rows produced by Java code in this process, read by SQL as tables (DuckDB's), and
 * the temporary tables a multi-pass build keeps between its passes.
 */
public interface RowSources {

    /**
     * Makes the rows of {@code source} readable by SQL as the temporary table {@code name} of this
     * session, until {@link #dropSource}. The engine may read its splits in parallel. An exception the
     * source throws fails the statement reading it and surfaces unchanged.
     */
    void registerSource(String name, RowSource source);

    void dropSource(String name);

    /** Computes {@code selectSql} once and keeps the result as the temporary table {@code name}. */
    void createTempTable(String name, String selectSql);

    void dropTempTable(String name);

    /** The first column of the result as longs, without a boxed value per row; nulls are not allowed. */
    long[] queryLongs(String sql);
}
