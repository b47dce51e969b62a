package io.mongolatest.engine;

import static io.mongolatest.engine.DuckDbSql.identifier;
import static io.mongolatest.engine.DuckDbSql.literal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class DuckDbSession implements EngineSession {
    private final Connection connection;
    private volatile Statement running;
    private volatile boolean cancelled;

    DuckDbSession(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            running = s;
            checkNotCancelled();
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            running = null;
        }
    }

    @Override
    public QueryResult query(String sql) {
        try (Statement s = connection.createStatement()) {
            running = s;
            checkNotCancelled();
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            running = null;
        }
    }

    @Override
    public void createSchema(String schema) {
        execute("CREATE SCHEMA IF NOT EXISTS " + identifier(schema));
    }

    @Override
    public long writeParquet(String selectSql, Path directory) {
        // COPY returns the number of rows written; one file keeps an empty result readable with its schema.
        QueryResult r = query("COPY (" + selectSql + ") TO " + literal(directory.resolve("part-0.parquet").toString())
                + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)");
        return ((Number) r.single()).longValue();
    }

    @Override
    public void registerParquetTable(String schema, String name, Path directory) {
        createSchema(schema);
        execute("CREATE OR REPLACE VIEW " + identifier(schema) + "." + identifier(name)
                + " AS SELECT * FROM read_parquet(" + literal(directory.resolve("*.parquet").toString()) + ")");
    }

    @Override
    public void cancel() {
        cancelled = true;
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException e) {
                // The statement finished meanwhile: nothing left to interrupt.
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SqlFailure("cannot close the DuckDB connection: " + e.getMessage(), false, e);
        }
    }

    // A cancel that lands between two statements must stop the next one too.
    private void checkNotCancelled() {
        if (cancelled) {
            throw new SqlFailure("interrupted before the statement started", true, null);
        }
    }

    private SqlFailure failure(SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        boolean interrupted = cancelled || msg.contains("INTERRUPT");
        return new SqlFailure(interrupted ? "interrupted: " + firstLine(msg) : msg, interrupted, e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
