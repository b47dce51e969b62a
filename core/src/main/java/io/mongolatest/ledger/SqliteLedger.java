package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.PrivateFiles;

/**
 * The embedded ledger: one SQLite file shared by every process of this host. WAL journaling and a busy
 * timeout let several runners use it at once; each change is one conditional statement, so SQLite's own
 * write lock makes it a compare-and-set.
 */
public final class SqliteLedger implements RunLedger {
    private static final String TABLE = "data_pipeline_metadata";
    private static final String COLUMNS = "Correlation_Id, DataProduct, Date, Run_Id, Status, CurrentStep, Cluster_Id, "
            + "Snapshot_Type, S3_Prefix_Snapshots, S3_Prefix_Analytical_DataSet, TimeToExist, Lease_Owner, "
            + "Lease_Expires, Started_At, Updated_At, Steps, Attempts, Plan, Version";

    /** How long a statement waits for another process's lock on the file before it fails. */
    static final java.time.Duration BUSY_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Path file;
    private final Connection connection;
    private final LedgerJson json = new LedgerJson();

    private SqliteLedger(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the ledger file and its table. */
    public static SqliteLedger open(Path file) {
        requireNonNull(file, "file is null");
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) {
                PrivateFiles.createDirectories(abs.getParent());
            }
            if (!Files.exists(abs)) {
                // The ledger names inputs and outputs: private to its owner. SQLite's own files follow its mode.
                PrivateFiles.newOutputStream(abs).close();
            }
        } catch (IOException e) {
            throw MongoLatestException.user("cannot create the ledger " + abs + ": " + e.getMessage(), e);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs);
            LockWait.install(c, abs, BUSY_TIMEOUT);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
            }
            SqliteLedger ledger = new SqliteLedger(abs, c);
            ledger.init();
            return ledger;
        } catch (SQLException e) {
            throw MongoLatestException.external("cannot open the ledger " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing ledger file to read only, for a folder that cannot be written (a read-only state folder):
     * SQLite cannot read a WAL file without creating its shared-memory file beside it, so the file is read as
     * immutable, as it stands (a run holding the folder with more rights meanwhile may be seen half-way), and
     * any write fails.
     */
    public static SqliteLedger openReadOnly(Path file) {
        Path abs = requireNonNull(file, "file is null").toAbsolutePath().normalize();
        try {
            return new SqliteLedger(abs, DriverManager.getConnection("jdbc:sqlite:" + abs.toUri() + "?immutable=1"));
        } catch (SQLException e) {
            throw MongoLatestException.external("cannot open the ledger " + abs + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void init() {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "Correlation_Id TEXT NOT NULL, DataProduct TEXT NOT NULL, Date TEXT, Run_Id INTEGER NOT NULL, "
                    + "Status TEXT NOT NULL, CurrentStep TEXT, Cluster_Id TEXT, Snapshot_Type TEXT, "
                    + "S3_Prefix_Snapshots TEXT, S3_Prefix_Analytical_DataSet TEXT, TimeToExist INTEGER, "
                    + "Lease_Owner TEXT, Lease_Expires INTEGER, Started_At TEXT, Updated_At TEXT, Steps TEXT, "
                    + "Attempts TEXT, Plan TEXT, Version INTEGER NOT NULL DEFAULT 0, "
                    + "PRIMARY KEY (Correlation_Id, DataProduct))");
            addMissingColumn(s, "Plan", "TEXT");
        } catch (SQLException e) {
            throw failure("create the ledger table", e);
        }
    }

    /** A ledger file written by an earlier version lacks the columns added since. */
    private void addMissingColumn(Statement s, String column, String type) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('" + TABLE + "') WHERE name = '" + column
                + "'")) {
            if (rs.next()) {
                return;
            }
        }
        s.execute("ALTER TABLE " + TABLE + " ADD COLUMN " + column + " " + type);
    }

    @Override
    public synchronized Optional<LedgerRow> read(RunKey key) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE Correlation_Id = ? AND DataProduct = ?")) {
            ps.setString(1, key.correlationId());
            ps.setString(2, key.dataProduct());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public synchronized void insert(LedgerRow row) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            bind(ps, row);
            if (ps.executeUpdate() != 1) {
                throw new LedgerConflictException("run " + row.key() + " was created by another runner");
            }
        } catch (SQLException e) {
            throw failure("insert " + row.key(), e);
        }
    }

    @Override
    public synchronized void update(LedgerRow row, long expectedVersion) {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE + " SET (" + COLUMNS
                + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " WHERE Correlation_Id = ? AND DataProduct = ? AND Version = ?")) {
            int i = bind(ps, row);
            ps.setString(i++, row.key().correlationId());
            ps.setString(i++, row.key().dataProduct());
            ps.setLong(i, expectedVersion);
            if (ps.executeUpdate() != 1) {
                throw new LedgerConflictException("run " + row.key() + " was changed by another runner");
            }
        } catch (SQLException e) {
            throw failure("update " + row.key(), e);
        }
    }

    @Override
    public synchronized boolean delete(RunKey key, long expectedVersion) {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM " + TABLE + " WHERE Correlation_Id = ? AND DataProduct = ? AND Version = ?")) {
            ps.setString(1, key.correlationId());
            ps.setString(2, key.dataProduct());
            ps.setLong(3, expectedVersion);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        } catch (SQLException e) {
            throw failure("delete " + key, e);
        }
        if (read(key).isPresent()) {
            throw new LedgerConflictException("run " + key + " was changed by another runner");
        }
        return false;
    }

    @Override
    public synchronized List<LedgerRow> list(String dataProduct) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE DataProduct = ? ORDER BY Correlation_Id")) {
            ps.setString(1, dataProduct);
            List<LedgerRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("list runs", e);
        }
    }

    @Override
    public String describe() {
        return "sqlite:" + file;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private int bind(PreparedStatement ps, LedgerRow r) throws SQLException {
        int i = 1;
        ps.setString(i++, r.key().correlationId());
        ps.setString(i++, r.key().dataProduct());
        ps.setString(i++, r.date());
        ps.setLong(i++, r.runId());
        ps.setString(i++, r.status().name());
        ps.setString(i++, r.currentStep());
        ps.setString(i++, r.clusterId());
        ps.setString(i++, r.snapshotType());
        ps.setString(i++, r.snapshotsPrefix());
        ps.setString(i++, r.outputPrefix());
        ps.setLong(i++, r.timeToExist());
        ps.setString(i++, r.lease() == null ? null : r.lease().owner());
        ps.setObject(i++, r.lease() == null ? null : r.lease().expiresAt().toEpochMilli());
        ps.setString(i++, r.startedAt() == null ? null : r.startedAt().toString());
        ps.setString(i++, r.updatedAt() == null ? null : r.updatedAt().toString());
        ps.setString(i++, json.stepsToJson(r.steps()));
        ps.setString(i++, json.attemptsToJson(r.attempts()));
        ps.setString(i++, json.planToJson(r.plan()));
        ps.setLong(i++, r.version());
        return i;
    }

    private LedgerRow row(ResultSet rs) throws SQLException {
        String owner = rs.getString("Lease_Owner");
        long expires = rs.getLong("Lease_Expires");
        Lease lease = owner == null || rs.wasNull() ? null : new Lease(owner, Instant.ofEpochMilli(expires));
        return new LedgerRow(new RunKey(rs.getString("Correlation_Id"), rs.getString("DataProduct")),
                rs.getString("Date"), rs.getLong("Run_Id"), RunStatus.valueOf(rs.getString("Status")),
                rs.getString("CurrentStep"), rs.getString("Cluster_Id"), rs.getString("Snapshot_Type"),
                rs.getString("S3_Prefix_Snapshots"), rs.getString("S3_Prefix_Analytical_DataSet"),
                rs.getLong("TimeToExist"), lease, instant(rs.getString("Started_At")),
                instant(rs.getString("Updated_At")), json.stepsFromJson(rs.getString("Steps")),
                json.attemptsFromJson(rs.getString("Attempts")), json.planFromJson(rs.getString("Plan")),
                rs.getLong("Version"));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private MongoLatestException failure(String what, SQLException e) {
        return MongoLatestException.external("ledger " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
