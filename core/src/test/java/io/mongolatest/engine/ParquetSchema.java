package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the Parquet files in a folder as any reader sees them, read from the files' footers (with
 * DuckDB's {@code parquet_schema}, whichever engine wrote them), so that tests compare engines' files.
 */
public final class ParquetSchema {
    /**
     * One leaf column: its physical type, its logical annotation as written (null if none), and the type
     * a reader maps it to (DuckDB's name for it).
     */
    public record Column(String name, String physicalType, String logicalType, String readAs) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(physicalType, "physicalType is null");
            requireNonNull(readAs, "readAs is null");
        }

        /** Name and type as a reader sees them: what must be equal between engines. */
        public String nameAndType() {
            return name + " " + readAs;
        }
    }

    private ParquetSchema() {
    }

    /** The columns of every {@code *.parquet} file directly in {@code dir}, which must all agree. */
    public static List<Column> of(Path dir) {
        String glob = dir.toAbsolutePath().resolve("*.parquet").toString().replace("'", "''");
        List<List<Column>> perFile = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT file_name, name, type, logical_type, duckdb_type"
                     + " FROM parquet_schema('" + glob + "') WHERE num_children IS NULL ORDER BY file_name, column_id")) {
            String file = null;
            while (rs.next()) {
                if (!rs.getString(1).equals(file)) {
                    file = rs.getString(1);
                    perFile.add(new ArrayList<>());
                }
                perFile.get(perFile.size() - 1).add(new Column(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Parquet schema of " + dir + ": " + e.getMessage(), e);
        }
        if (perFile.isEmpty()) {
            throw new AssertionError("no Parquet file in " + dir);
        }
        for (List<Column> f : perFile) {
            if (!f.equals(perFile.get(0))) {
                throw new AssertionError("the Parquet files of " + dir + " disagree: " + perFile.get(0) + " and " + f);
            }
        }
        return perFile.get(0);
    }

    /** {@link Column#nameAndType()} of each column. */
    public static List<String> namesAndTypes(Path dir) {
        return of(dir).stream().map(Column::nameAndType).toList();
    }
}
