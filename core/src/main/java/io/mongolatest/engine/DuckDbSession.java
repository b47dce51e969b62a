package io.mongolatest.engine;

import static io.mongolatest.engine.DuckDbMessages.firstLine;
import static io.mongolatest.engine.DuckDbSql.identifier;
import static io.mongolatest.engine.DuckDbSql.literal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.iceberg.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.StorageErrors;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.Publications;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableScan;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.WrittenFile;

final class DuckDbSession implements EngineSession, RowSources {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbSession.class);
    /** In a kept catalog: the snapshot each table's view reads, so that an open re-registers only what changed. */
    static final String REGISTERED = "ml_registered_tables";
    private static final Pattern WRITTEN_FILE = Pattern.compile("write file \\\\?\"([^\"\\\\]+)");
    private final Connection connection;
    private final DuckDbSources sources = new DuckDbSources();
    private volatile Statement running;
    private volatile boolean cancelled;
    private boolean readOnly;
    private boolean confined;
    private final long rowGroupBytes;
    private final Path spillDir;
    private final TableFiles files;
    private final Path staging;

    /**
     * @param memoryLimit the engine's memory limit: Parquet row groups are kept to a small part of it, so
     *                    that writing wide rows (whole documents) never runs out of memory
     * @param spillDir    where DuckDB spills, named when a disk fills up: the session's own, deleted when it closes;
     *                    null for a reader that may not spill (a read-only state folder)
     * @param files       the warehouse's tables and their files on this machine
     * @param staging     where data files for a warehouse elsewhere are written before the store copies them there
     */
    DuckDbSession(Connection connection, boolean readOnly, DataSize memoryLimit, Path spillDir, TableFiles files,
                  Path staging) {
        this.connection = connection;
        this.readOnly = readOnly;
        this.spillDir = spillDir;
        this.files = java.util.Objects.requireNonNull(files, "files is null");
        this.staging = java.util.Objects.requireNonNull(staging, "staging is null");
        this.rowGroupBytes = Math.max(8L << 20, Math.min(128L << 20, memoryLimit.bytes() / 32));
    }

    Path spillDir() {
        return spillDir;
    }

    /**
     * Lets the session reach the files of {@code readable} (folders), its database and its spill folder, and
     * nothing else: no other file, glob or URL of the host, no extension loaded or downloaded, no setting
     * changed (this one included: it holds until the session closes).
     */
    @Override
    public void confine(List<TableName> readable) {
        Set<Path> folders = new TreeSet<>();
        for (TableName t : readable) {
            folders.add(files.localFolder(files.tables().dataLocation(t)));
        }
        // A table may name files of another (a latest table published unredacted): their folders too.
        for (String db : readable.stream().map(TableName::database).distinct().toList()) {
            for (Map.Entry<String, Long> t : Publications.readable(files.tables(), db).entrySet()) {
                if (readable.contains(new TableName(db, t.getKey()))) {
                    for (TableScan.DataFileRef f : files.tables().scan(new TableName(db, t.getKey()), t.getValue())
                            .files()) {
                        folders.add(files.local(f.path()).getParent());
                        f.deletes().forEach(d -> folders.add(files.local(d).getParent()));
                    }
                }
            }
        }
        allowOnly(folders);
    }

    /** The same, for the folders of the data and delete files a reader reads. */
    void allowOnly(Set<Path> folders) {
        StringBuilder allowed = new StringBuilder();
        for (Path folder : folders) {
            // DuckDB checks a file's real path, so the folders are given as the links resolve now.
            Path dir;
            try {
                dir = folder.toRealPath();
            } catch (IOException e) {
                continue; // not there: nothing to allow
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(literal(dir + "/"));
        }
        execute("SET allowed_directories = [" + allowed + "]");
        execute("SET enable_external_access = false");
        execute("SET autoload_known_extensions = false");
        execute("SET autoinstall_known_extensions = false");
        execute("SET lock_configuration = true");
        confined = true;
    }

    /** From now on, only single queries are accepted. */
    DuckDbSession readOnly() {
        readOnly = true;
        return this;
    }

    @Override
    public void execute(String sql) {
        if (readOnly) {
            throw MongoLatestException.user("this session is read-only: only queries are allowed");
        }
        run(SharedJsonParse.rewrite(sql));
    }

    private void run(String sql) {
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
        if (readOnly) {
            checkSingleQuery(sql);
        }
        return select(SharedJsonParse.rewrite(sql));
    }

    // DuckDB serialises SELECT statements only (DESCRIBE and SUMMARIZE become SELECTs), so this tells
    // a query from anything that could change a file or a setting.
    private void checkSingleQuery(String sql) {
        Object verdict = select("SELECT CASE WHEN (j->>'error')::BOOLEAN THEN j->>'error_message'"
                + " WHEN json_array_length(j->'statements') <> 1 THEN 'expected exactly one statement'"
                + " END FROM (SELECT json_serialize_sql(" + literal(sql) + ") AS j)").single();
        if (verdict != null) {
            throw MongoLatestException.user("only a single read-only query is allowed here (SELECT, WITH, DESCRIBE,"
                    + " SUMMARIZE): " + verdict);
        }
    }

    private QueryResult select(String sql) {
        try (Statement s = connection.createStatement()) {
            running = s;
            checkNotCancelled();
            try (ResultSet rs = s.executeQuery(sql)) {
                return results(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            running = null;
        }
    }

    private static QueryResult results(ResultSet rs) throws SQLException {
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

    @Override
    public void createSchema(String schema) {
        execute("CREATE SCHEMA IF NOT EXISTS " + identifier(schema));
    }

    @Override
    public TableChange writeTable(TableName table, String selectSql) {
        if (readOnly) {
            throw MongoLatestException.user("this session is read-only: cannot write " + table);
        }
        TableStore tables = files.tables();
        Schema schema = tables.schemaFor(table, IcebergColumns.of(statements, selectSql));
        Location data = tables.dataLocation(table);
        // DuckDB writes local files only: for a warehouse elsewhere, into a folder the store copies from.
        Path folder = data instanceof LocalLocation l ? l.path() : staging.resolve(UUID.randomUUID().toString());
        try {
            List<WrittenFile> written = new IcebergFileWriter(statements, rowGroupBytes).write(selectSql, schema, folder);
            return tables.replace(table, schema, written);
        } finally {
            if (!(data instanceof LocalLocation)) {
                PrivateFiles.deleteTree(folder);
            }
        }
    }

    @Override
    public void registerTable(TableName table, long snapshotId) {
        registerTables(Map.of(table, snapshotId));
    }

    /**
     * One transaction for them all: each statement on a kept catalog ({@code catalog.duckdb}) would otherwise be a
     * commit of its own, with its write to disk.
     */
    @Override
    public void registerTables(Map<TableName, Long> tables) {
        if (tables.isEmpty()) {
            return;
        }
        Map<TableName, String> views = new LinkedHashMap<>();
        tables.forEach((table, snapshotId) -> views.put(table, IcebergScanSql.select(files.tables().scan(table,
                snapshotId), files::local)));
        execute("BEGIN TRANSACTION");
        boolean done = false;
        try {
            new TreeSet<>(tables.keySet().stream().map(TableName::database).toList()).forEach(this::createSchema);
            if (!readOnly) {
                execute("CREATE TABLE IF NOT EXISTS main." + REGISTERED + " (db VARCHAR, name VARCHAR, snapshot BIGINT,"
                        + " PRIMARY KEY (db, name))");
            }
            for (Map.Entry<TableName, String> v : views.entrySet()) {
                TableName table = v.getKey();
                execute("CREATE OR REPLACE VIEW " + identifier(table.database()) + "." + identifier(table.table())
                        + " AS " + v.getValue());
                if (!readOnly) {
                    execute("INSERT OR REPLACE INTO main." + REGISTERED + " VALUES (" + literal(table.database()) + ", "
                            + literal(table.table()) + ", " + tables.get(table) + ")");
                }
            }
            execute("COMMIT");
            done = true;
        } finally {
            if (!done) {
                rollback();
            }
        }
    }

    /** Undoes an open transaction; a failure here would only hide the one that made it necessary. */
    private void rollback() {
        try {
            execute("ROLLBACK");
        } catch (RuntimeException e) {
            LOG.debug("rollback failed", e);
        }
    }

    /**
     * Makes the session's catalog show each of {@code tables} at its snapshot, registering only those it shows at
     * another one (or not at all): a catalog kept between runs (a local warehouse's {@code catalog.duckdb}) is
     * brought up to date with what other processes committed, without planning every table again.
     */
    void showTables(Map<TableName, Long> tables) {
        Map<TableName, Long> shown = new HashMap<>();
        if (relations("main").contains(REGISTERED)) {
            for (List<Object> row : query("SELECT db, name, snapshot FROM main." + REGISTERED).rows()) {
                shown.put(new TableName((String) row.get(0), (String) row.get(1)), ((Number) row.get(2)).longValue());
            }
        }
        Map<String, List<String>> present = new HashMap<>();
        Map<TableName, Long> stale = new LinkedHashMap<>();
        for (Map.Entry<TableName, Long> t : tables.entrySet()) {
            if (!t.getValue().equals(shown.get(t.getKey())) || !present.computeIfAbsent(t.getKey().database(),
                    this::relations).contains(t.getKey().table())) {
                stale.put(t.getKey(), t.getValue());
            }
        }
        registerTables(stale);
    }

    @Override
    public String tableAt(TableName table, long snapshotId) {
        return "(" + IcebergScanSql.select(files.tables().scan(table, snapshotId), files::local) + ")";
    }

    /** The session's statements as the Iceberg helpers run them: cancellable, failing as the session's do. */
    private final DuckDbStatements statements = new DuckDbStatements() {
        @Override
        public QueryResult query(String sql) throws SQLException {
            try (Statement st = connection.createStatement()) {
                running = st;
                checkNotCancelled();
                try (ResultSet rs = st.executeQuery(sql)) {
                    return results(rs);
                }
            } finally {
                running = null;
            }
        }

        @Override
        public void execute(String sql) throws SQLException {
            try (Statement st = connection.createStatement()) {
                running = st;
                checkNotCancelled();
                st.execute(sql);
            } finally {
                running = null;
            }
        }

        @Override
        public MongoLatestException failure(SQLException e) {
            return DuckDbSession.this.failure(e);
        }
    };

    @Override
    public void registerSource(String name, RowSource source) {
        execute(sources.register(connection, name, source));
    }

    @Override
    public void dropSource(String name) {
        execute("DROP VIEW IF EXISTS temp.main." + identifier(name));
        sources.unregister(name);
    }

    @Override
    public void createTempTable(String name, String selectSql) {
        execute("CREATE OR REPLACE TEMP TABLE " + identifier(name) + " AS " + selectSql);
    }

    @Override
    public void dropTempTable(String name) {
        execute("DROP TABLE IF EXISTS temp.main." + identifier(name));
    }

    @Override
    public long[] queryLongs(String sql) {
        try (Statement s = connection.createStatement()) {
            running = s;
            checkNotCancelled();
            try (ResultSet rs = s.executeQuery(sql)) {
                long[] out = new long[1024];
                int n = 0;
                while (rs.next()) {
                    long v = rs.getLong(1);
                    if (rs.wasNull()) {
                        throw new SqlFailure("unexpected null in " + sql, false, null);
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = v;
                }
                return Arrays.copyOf(out, n);
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            running = null;
        }
    }

    @Override
    public List<String> relations(String schema) {
        QueryResult r = select("SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
                + " AND table_schema = " + literal(schema) + " ORDER BY table_name");
        return r.rows().stream().map(row -> (String) row.get(0)).toList();
    }

    @Override
    public void dropRelation(String schema, String name) {
        QueryResult r = select("SELECT table_type FROM information_schema.tables WHERE table_catalog = current_database()"
                + " AND table_schema = " + literal(schema) + " AND table_name = " + literal(name));
        if (!r.rows().isEmpty()) {
            String kind = "VIEW".equals(r.rows().get(0).get(0)) ? "VIEW" : "TABLE";
            execute("DROP " + kind + " IF EXISTS " + identifier(schema) + "." + identifier(name));
        }
    }

    @Override
    public String literal(String value) {
        return DuckDbSql.literal(value);
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

    /** Its build runs in this process over its row sources ({@link DuckDbLatestBuild}). */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == LatestBuild.class ? Optional.of(type.cast(new DuckDbLatestBuild(this, this)))
                : EngineSession.super.capability(type);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SqlFailure("cannot close the DuckDB connection: " + e.getMessage(), false, e);
        } finally {
            if (spillDir != null) {
                PrivateFiles.deleteTree(spillDir);
            }
        }
    }

    // A cancel that lands between two statements must stop the next one too.
    private void checkNotCancelled() {
        if (cancelled) {
            throw new SqlFailure("interrupted before the statement started", true, null);
        }
    }

    /** What {@code e} means here; its message shown with the data's values masked ({@link QuotedValues}). */
    private MongoLatestException failure(SQLException e) {
        String raw = e.getMessage() == null ? e.toString() : e.getMessage();
        String msg = QuotedValues.masked(raw);
        boolean interrupted = cancelled || msg.contains("INTERRUPT");
        Throwable fromSource = sources.takeFailure();
        if (fromSource != null && !interrupted) {
            // A row source failed: its own error says what went wrong, DuckDB's wrapping does not.
            return fromSource instanceof MongoLatestException m ? m
                    : MongoLatestException.external("reading input failed: " + fromSource.getMessage(), fromSource);
        }
        if (StorageErrors.isDiskFull(raw)) {
            // DuckDB says so inside a JSON blob; name the file (or the folders it writes) instead.
            Matcher file = WRITTEN_FILE.matcher(raw);
            return StorageErrors.diskFull(file.find() ? Path.of(file.group(1)) : spillDir, e);
        }
        if (readOnly && msg.contains("Permission Error")) {
            // A reader's query tried to reach something outside the published tables.
            return MongoLatestException.user("only the warehouse's published tables can be read here: "
                    + firstLine(msg).replace(" - file system operations are disabled by configuration", ""), e);
        }
        Optional<String> outside = confined && !readOnly ? DuckDbMessages.outsideConfinement(msg) : Optional.empty();
        if (outside.isPresent()) {
            // The product's SQL tried to reach beyond its tables: said in one line, without DuckDB's wording.
            return new SqlFailure(outside.get(), false, e);
        }
        if (readOnly && !interrupted && DuckDbMessages.inTheStatement(msg)) {
            // The reader's own query is wrong (a table it does not have, a typo): theirs to mend.
            return MongoLatestException.user(firstLine(msg), e);
        }
        return new SqlFailure(interrupted ? "interrupted: " + firstLine(msg) : msg, interrupted, e);
    }
}
