package io.mongolatest.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableScan;
import io.mongolatest.tables.TableStore;

/**
 * The embedded engine. A session is a connection to {@code <warehouse>/catalog.duckdb}, which keeps the
 * schemas and views for interactive use; table data lives in Parquet beside it.
 */
public final class DuckDbEngine implements SqlEngine, ReadOnlySessions {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbEngine.class);
    public static final String CATALOG_FILE = "catalog.duckdb";
    /** Below the engine's folder, for a warehouse elsewhere: copies of its files, and files before their upload. */
    static final String FILE_COPIES = "file-copies";
    static final String STAGING = "staging";

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public Set<Class<?>> capabilities() {
        return Set.of(LatestBuild.class, RowSources.class, ReadOnlySessions.class);
    }

    /**
     * DuckDB reads {@code ;} in a database path as the start of connection options, and {@code * ? [ ]}
     * in a Parquet path as a pattern: a warehouse path with them would open or read something else. This
     * DuckDB has no httpfs, so it reaches local files only: a warehouse elsewhere is staged for it in local
     * folders of the state directory, which are checked when opened.
     */
    @Override
    public void checkWarehouse(Location warehouse) {
        if (!(warehouse instanceof LocalLocation local)) {
            return;
        }
        String p = local.path().toString();
        for (char c : new char[] {';', '*', '?', '[', ']'}) {
            if (p.indexOf(c) >= 0) {
                throw MongoLatestException.user("the warehouse path " + p + " contains '" + c
                        + "', which DuckDB would read as an option or a pattern; choose a path without ; * ? [ ]");
            }
        }
    }

    /**
     * A session of {@code catalog.duckdb} in the engine's folder. On a local warehouse that is the warehouse's own,
     * kept between runs: its tables are pointed at the snapshots readers read now (another engine may have committed
     * since), its views kept. Elsewhere (S3) the catalog file is the state folder's, so the session's catalog is
     * made the warehouse's first and its views are kept beside the tables ({@link DuckDbCatalog}): a step process
     * with a fresh state folder publishes the tables and views the steps before it made, never an empty product.
     */
    @Override
    public EngineSession open(EngineSettings settings, TableStore tables) {
        DuckDbSession session = connect(settings, tables);
        try {
            if (settings.readOnly()) {
                return session;
            }
            if (tables.warehouse() instanceof LocalLocation) {
                session.showTables(WarehouseReader.published(tables, database -> true));
                return session;
            }
            return DuckDbCatalog.restore(session, tables);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private DuckDbSession connect(EngineSettings settings, TableStore tables) {
        checkProperties(settings.properties());
        checkWarehouse(new LocalLocation(settings.warehouse()));
        Path catalog = settings.warehouse().resolve(CATALOG_FILE);
        try {
            if (!settings.readOnly()) {
                PrivateFiles.createDirectories(settings.warehouse());
            }
        } catch (IOException e) {
            throw MongoLatestException.user("cannot create " + settings.warehouse() + ": " + e.getMessage(), e);
        }
        Properties props = new Properties();
        if (settings.readOnly()) {
            props.setProperty("duckdb.read_only", "true");
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:" + catalog, props);
        } catch (SQLException e) {
            throw opening(catalog, e);
        }
        if (!settings.readOnly()) {
            // DuckDB makes its database as the umask lets it; it holds the product's catalog and whatever tables
            // the product's SQL makes there: its owner's alone.
            try {
                PrivateFiles.restrict(catalog);
                PrivateFiles.restrict(catalog.resolveSibling(CATALOG_FILE + ".wal"));
            } catch (IOException e) {
                closeQuietly(c);
                throw MongoLatestException.external("cannot make " + catalog + " private: " + e.getMessage(), e);
            }
        }
        DuckDbSession session = new DuckDbSession(c, false, settings.memoryLimit(), spillFolder(settings, c),
                files(settings, tables), settings.warehouse().resolve(STAGING));
        try {
            configure(session, settings);
            for (String f : DuckDbFunctions.definitions(!settings.readOnly())) {
                session.execute(f);
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /**
     * A read-only view of the warehouse that works while a run holds the catalog: an in-memory database
     * with a view per Parquet table. It accepts only single SELECT statements (DESCRIBE and SUMMARIZE too).
     */
    @Override
    public EngineSession openReader(EngineSettings settings, TableStore store, Map<TableName, Long> tables) {
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw MongoLatestException.external("cannot start DuckDB: " + e.getMessage(), e);
        }
        TableFiles files = files(settings, store);
        DuckDbSession session = new DuckDbSession(c, false, settings.memoryLimit(), readerSpillFolder(settings), files,
                settings.warehouse().resolve(STAGING));
        try {
            configure(session, settings);
            for (String f : DuckDbFunctions.definitions(false)) {
                session.execute(f);
            }
            Set<Path> folders = new TreeSet<>();
            session.registerTables(tables);
            for (Map.Entry<TableName, Long> t : tables.entrySet()) {
                for (TableScan.DataFileRef f : store.scan(t.getKey(), t.getValue()).files()) {
                    folders.add(files.local(f.path()).getParent());
                    f.deletes().forEach(d -> folders.add(files.local(d).getParent()));
                }
            }
            session.allowOnly(folders);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session.readOnly();
    }

    /** The files of {@code tables} on this machine: copies of remote ones go below the engine's folder. */
    private static TableFiles files(EngineSettings settings, TableStore tables) {
        return new TableFiles(tables, settings.warehouse().resolve(FILE_COPIES));
    }

    /**
     * A new folder of {@code settings}' temp folder, for one session's spill files only: DuckDB lets a session
     * read its temp folder whatever else it is refused, so a shared one would show a confined session the files
     * of others (a query the scratch copies of a run's input). The session deletes it when it closes
     * ({@link SpillFolders}).
     */
    private static Path spillFolder(EngineSettings settings, Connection c) {
        try {
            return newSpillFolder(settings);
        } catch (IOException e) {
            closeQuietly(c);
            throw MongoLatestException.user("cannot create a folder in " + settings.tempDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A reader's spill folder, as {@link #spillFolder}'s; none (null) where the state folder cannot be written (a
     * read-only one): reading works all the same, within the memory limit.
     */
    private static Path readerSpillFolder(EngineSettings settings) {
        try {
            return newSpillFolder(settings);
        } catch (IOException e) {
            LOG.warn("cannot create a folder in {}: the query runs without spilling to disk beyond --memory",
                    settings.tempDir());
            return null;
        }
    }

    private static Path newSpillFolder(EngineSettings settings) throws IOException {
        return SpillFolders.create(settings.tempDir());
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection was never used: nothing to lose
        }
    }

    /**
     * DuckDB's own limit: the memory setting less a reserve (a quarter, 128 MiB to 512 MiB) for the JVM's
     * heap, which ./mongo-latest starts with exactly that -Xmx, so that the whole process stays near the setting.
     */
    static DataSize duckDbLimit(DataSize memory) {
        return new DataSize(memory.bytes() - heapReserve(memory).bytes());
    }

    static DataSize heapReserve(DataSize memory) {
        return new DataSize(Math.min(memory.bytes() / 2, Math.max(128L << 20, Math.min(512L << 20, memory.bytes() / 4))));
    }

    /** A heap bigger than its reserve lets the process outgrow --memory (java -jar without -Xmx): said in the log. */
    private static void warnOnLargeHeap(DataSize memory) {
        long heap = Runtime.getRuntime().maxMemory();
        DataSize reserve = heapReserve(memory);
        if (heap > reserve.bytes() * 5 / 4) {
            LOG.info("this JVM's heap may grow to {}, more than the {} of --memory {} kept for it: start the JVM with"
                    + " -Xmx{}m (./mongo-latest does), or the process may use more than --memory", new DataSize(heap),
                    reserve, memory, reserve.mebibytes());
        }
    }

    private static void configure(DuckDbSession session, EngineSettings settings) {
        warnOnLargeHeap(settings.memoryLimit());
        session.execute("SET memory_limit = " + DuckDbSql.literal(duckDbLimit(settings.memoryLimit()).mebibytes() + "MiB"));
        // No spill folder: DuckDB keeps within its memory limit and spills nothing.
        session.execute("SET temp_directory = " + DuckDbSql.literal(session.spillDir() == null ? ""
                : session.spillDir().toString()));
        // Order of rows within a table is not part of the contract; dropping it saves memory.
        session.execute("SET preserve_insertion_order = false");
        // Timestamps are instants in UTC (SPEC §7); the session shows and casts them so.
        session.execute("SET TimeZone = 'UTC'");
        if (settings.threads() > 0) {
            session.execute("SET threads = " + settings.threads());
        }
    }

    private static MongoLatestException opening(Path catalog, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("lock")) {
            return MongoLatestException.user("the warehouse catalog " + catalog
                    + " is in use by another process (a run in progress?); try again when it ends");
        }
        return MongoLatestException.external("cannot open " + catalog + ": " + msg.strip(), e);
    }
}
