package io.mongolatest.engine;

import java.sql.SQLException;

import io.mongolatest.MongoLatestException;

/**
 * How the Iceberg helpers run DuckDB statements: through the session's own statements, so that a cancel reaches
 * them and a failure reads as the session's other failures do.
 */
interface DuckDbStatements {

    /** Runs {@code sql}, which gives rows (a query, or a COPY with RETURN_STATS). */
    QueryResult query(String sql) throws SQLException;

    /** Runs {@code sql}, which gives no rows (a setting). */
    void execute(String sql) throws SQLException;

    /** What {@code e} means, as the session says it. */
    MongoLatestException failure(SQLException e);
}
