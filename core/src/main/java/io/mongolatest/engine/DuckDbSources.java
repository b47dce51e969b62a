package io.mongolatest.engine;

import static io.mongolatest.engine.DuckDbSql.identifier;
import static io.mongolatest.engine.DuckDbSql.literal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBTableFunctionState;
import org.duckdb.DuckDBWritableVector;

/**
 * Java {@link RowSource}s as DuckDB tables: one table function per session, reading the source named
 * by its argument, split by split on DuckDB's worker threads; each source gets a temporary view.
 */
final class DuckDbSources {
    private final String function = "ml_java_source_" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, RowSource> sources = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean installed;

    /** Registers {@code source}; returns the SQL that creates its temporary view {@code name}. */
    String register(Connection connection, String name, RowSource source) {
        if (!installed) {
            install(connection);
            installed = true;
        }
        sources.put(name, source);
        List<String> select = new ArrayList<>();
        for (SourceColumn c : source.columns()) {
            String col = identifier(c.name());
            select.add(switch (c.type()) {
                case TIMESTAMP -> "CAST(make_timestamp(" + col + ") AS TIMESTAMPTZ) AS " + col;
                case DATE -> "CAST(DATE '1970-01-01' + " + col + " AS DATE) AS " + col;
                default -> col;
            });
        }
        return "CREATE OR REPLACE TEMP VIEW " + identifier(name) + " AS SELECT " + String.join(", ", select)
                + " FROM " + function + "(" + literal(name) + ")";
    }

    void unregister(String name) {
        sources.remove(name);
    }

    /** The first exception a source threw since the last call, so that it surfaces as itself. */
    Throwable takeFailure() {
        return failure.getAndSet(null);
    }

    private void install(Connection connection) {
        try {
            DuckDBFunctions.tableFunction().withName(function).withParameter(String.class)
                    .withFunction(new Function()).register(connection);
        } catch (SQLException e) {
            throw new SqlFailure("cannot register the Java row source: " + e.getMessage(), false, e);
        }
    }

    private static DuckDBColumnType duckType(ColumnType t) {
        return switch (t) {
            case BIGINT, TIMESTAMP -> DuckDBColumnType.BIGINT;
            case INTEGER, DATE -> DuckDBColumnType.INTEGER;
            case BOOLEAN -> DuckDBColumnType.BOOLEAN;
            case VARCHAR -> DuckDBColumnType.VARCHAR;
        };
    }

    /** Which split to read next, shared by the threads of one scan. */
    private record Scan(RowSource source, AtomicInteger next) {
    }

    /** One thread's reader and batch. */
    private static final class Worker implements DuckDBTableFunctionState {
        RowSource.SplitReader reader;
        RowBatch batch;

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }

    private final class Function implements DuckDBTableFunction<RowSource, Scan, Worker> {
        @Override
        public RowSource bind(DuckDBTableFunctionBindInfo info) {
            String name = info.getParameter(0).getString();
            RowSource source = sources.get(name);
            if (source == null) {
                throw new IllegalStateException("no row source " + name + " in this session");
            }
            for (SourceColumn c : source.columns()) {
                info.addResultColumn(c.name(), duckType(c.type()));
            }
            if (source.rowCount() >= 0) {
                info.setCardinality(source.rowCount(), true);
            }
            return source;
        }

        @Override
        public Scan init(DuckDBTableFunctionInitInfo info) {
            RowSource source = info.getBindData();
            info.setMaxThreads(Math.max(1, source.splitCount()));
            return new Scan(source, new AtomicInteger());
        }

        @Override
        public Worker localInit(DuckDBTableFunctionInitInfo info) {
            return new Worker();
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo call, DuckDBDataChunkWriter out) throws Exception {
            Scan scan = call.getInitData();
            Worker w = call.getLocalInitData();
            try {
                if (w.batch == null) {
                    w.batch = new RowBatch(scan.source().columns(), (int) out.capacity());
                }
                while (true) {
                    if (w.reader == null) {
                        int split = scan.next().getAndIncrement();
                        if (split >= scan.source().splitCount()) {
                            return 0;
                        }
                        w.reader = scan.source().open(split);
                    }
                    int n = w.reader.read(w.batch);
                    if (n > 0) {
                        copy(w.batch, n, out);
                        return n;
                    }
                    w.reader.close();
                    w.reader = null;
                }
            } catch (Exception | Error e) {
                failure.compareAndSet(null, e);
                w.close();
                throw e;
            }
        }

        private void copy(RowBatch batch, int n, DuckDBDataChunkWriter out) {
            List<SourceColumn> columns = batch.columns();
            for (int c = 0; c < columns.size(); c++) {
                DuckDBWritableVector v = out.vector(c);
                ColumnType type = columns.get(c).type();
                if (type == ColumnType.VARCHAR) {
                    v.setStringUtf8Batch(0, batch.texts(c, n));
                    continue;
                }
                for (int r = 0; r < n; r++) {
                    if (batch.isNull(c, r)) {
                        v.setNull(r);
                    } else {
                        long x = batch.getLong(c, r);
                        switch (type) {
                            case BIGINT, TIMESTAMP -> v.setLong(r, x);
                            case INTEGER, DATE -> v.setInt(r, (int) x);
                            case BOOLEAN -> v.setBoolean(r, x != 0);
                            default -> throw new IllegalStateException("unexpected type " + type);
                        }
                    }
                }
            }
            batch.clear(n);
        }
    }
}
