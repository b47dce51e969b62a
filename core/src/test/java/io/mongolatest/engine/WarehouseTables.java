package io.mongolatest.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.mongolatest.latest.KeptState;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableScan;
import io.mongolatest.tables.TableStore;

/**
 * Every published table of a warehouse as our reader sees it, whatever engine wrote it: its Iceberg columns with
 * their types, and its rows as sorted lines of text (instants in UTC), so that two warehouses can be compared
 * table by table, column type by column type and row by row.
 */
public final class WarehouseTables {
    /**
     * A table's columns, each as its name, physical type and the type a reader maps it to (the annotations
     * that say so differ in form between writers: Spark adds the newer logical type to text, DuckDB marks
     * integers with their width), and its sorted rows.
     */
    public record Table(List<String> columns, List<String> rows) {
    }

    private WarehouseTables() {
    }

    /**
     * Whether {@code database} is one the product publishes: the state a DuckDB build keeps for its next delta
     * build is the engine's own, and another engine has none, so comparisons leave it out.
     */
    public static boolean published(String database) {
        return !database.equals(KeptState.DATABASE);
    }

    /** Every published table by {@code database.table}, the audit table left out when {@code withAudit} is false. */
    public static Map<String, Table> read(Path warehouse, boolean withAudit) {
        try (TableStore tables = LocalTables.open(warehouse)) {
            return read(tables, warehouse.resolve(".read-copies"), withAudit);
        }
    }

    /**
     * The same for the warehouse of {@code tables}, wherever it is: the files of one elsewhere (S3) are copied
     * below {@code copies} first and read there.
     */
    public static Map<String, Table> read(TableStore tables, Path copies, boolean withAudit) {
        Map<String, Table> out = new TreeMap<>();
        TableFiles files = new TableFiles(tables, copies);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            for (Map.Entry<TableName, Long> t : WarehouseReader.published(tables, WarehouseTables::published).entrySet()) {
                if (!withAudit && t.getKey().database().equals("audit")) {
                    continue;
                }
                out.put(t.getKey().toString(), table(s, tables.scan(t.getKey(), t.getValue()), files::local));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of " + tables.warehouse() + ": " + e.getMessage(),
                    e);
        }
        return out;
    }

    /** A table at a snapshot: its Iceberg columns, and its rows as our reader gives them. */
    static Table table(Statement s, TableScan scan, Function<Location, Path> localFile) throws SQLException {
        List<String> columns = scan.schema().columns().stream().map(f -> f.name() + " " + f.type()).toList();
        return new Table(columns, sortedRows(s, IcebergScanSql.select(scan, localFile)));
    }

    /**
     * How the tables of {@code actual} differ from those of {@code expected} (the audit table left out), one
     * short line per difference: a table missing or extra, its columns, its row count, its first differing row.
     */
    public static List<String> differences(Path expected, Path actual) {
        Map<String, Table> want = read(expected, false);
        Map<String, Table> got = read(actual, false);
        List<String> out = new ArrayList<>();
        for (String t : want.keySet()) {
            if (!got.containsKey(t)) {
                out.add(t + ": missing");
            }
        }
        for (Map.Entry<String, Table> e : got.entrySet()) {
            Table w = want.get(e.getKey());
            Table g = e.getValue();
            if (w == null) {
                out.add(e.getKey() + ": not expected");
            } else if (!w.columns().equals(g.columns())) {
                out.add(e.getKey() + ": columns " + g.columns() + ", expected " + w.columns());
            } else if (w.rows().size() != g.rows().size()) {
                out.add(e.getKey() + ": " + g.rows().size() + " rows, expected " + w.rows().size());
            } else {
                for (int i = 0; i < w.rows().size(); i++) {
                    if (!w.rows().get(i).equals(g.rows().get(i))) {
                        out.add(e.getKey() + ": row " + i + " is " + cut(g.rows().get(i)) + ", expected "
                                + cut(w.rows().get(i)));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static String cut(String row) {
        return row.length() <= 300 ? row : row.substring(0, 300) + "...";
    }

    /** Only the rows of every table but the audit table (which records the runs themselves). */
    public static Map<String, List<String>> rows(Path warehouse) {
        Map<String, List<String>> out = new TreeMap<>();
        read(warehouse, false).forEach((name, table) -> out.put(name, table.rows()));
        return out;
    }

    private static Table table(Statement s, Path dir) throws SQLException {
        return new Table(ParquetSchema.of(dir).stream()
                .map(col -> col.name() + " " + col.physicalType() + " " + col.readAs()).toList(), rows(s, dir));
    }

    /** The columns and sorted rows of the Parquet files of one folder (e.g. a table version copied from S3). */
    public static Table folderTable(Path dir) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            return table(s, dir);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the table in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The sorted rows of the Parquet files of one folder (e.g. a table version copied from S3). */
    public static List<String> folderRows(Path dir) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            return rows(s, dir);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> rows(Statement s, Path dir) throws SQLException {
        String glob = dir.resolve("*.parquet").toString().replace("'", "''");
        return sortedRows(s, "SELECT * FROM read_parquet('" + glob + "')");
    }

    private static List<String> sortedRows(Statement s, String select) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM (" + select + ") ORDER BY ALL")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }
}
