package io.mongolatest.engine;

import static io.mongolatest.engine.DuckDbSql.identifier;
import static io.mongolatest.engine.DuckDbSql.literal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Location;
import io.mongolatest.tables.TableScan;

/**
 * One DuckDB SELECT of the rows of an Iceberg table at a snapshot: its data files read by field id (as Iceberg's
 * readers do: a column renamed or added later reads right), less the rows its position-delete files name. Files
 * without deletes are read plainly; the others with their file name and 0-based row number, ANTI JOINed to the
 * deletes' {@code (file_path, pos)}.
 */
final class IcebergScanSql {
    private static final String FILE = "ml_file";
    private static final String DELETES_SCHEMA = "schema=MAP {" + MetadataColumns.DELETE_FILE_PATH.fieldId()
            + ": {name: 'file_path', type: 'VARCHAR', default_value: NULL}, " + MetadataColumns.DELETE_FILE_POS.fieldId()
            + ": {name: 'pos', type: 'BIGINT', default_value: NULL}}";

    private IcebergScanSql() {
    }

    /**
     * @param localFile where a file of the scan is on this machine: itself in a local warehouse, a local copy of
     *                  it otherwise; delete files name data files as the scan does, and are mapped the same way
     */
    static String select(TableScan scan, Function<Location, Path> localFile) {
        Schema schema = scan.schema();
        String readSchema = readSchema(scan);
        List<String> plain = new ArrayList<>();
        // The files with deletes: the name DuckDB gives each (its local path) and the one the deletes give it.
        Map<String, String> deleted = new LinkedHashMap<>();
        Set<String> deletes = new LinkedHashSet<>();
        for (TableScan.DataFileRef f : scan.files()) {
            Path local = local(localFile, f.path());
            if (f.deletes().isEmpty()) {
                plain.add(path(local));
                continue;
            }
            deleted.put(local.toString(), f.path().toString());
            f.deletes().forEach(d -> deletes.add(path(local(localFile, d))));
        }
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner named = new StringJoiner(", ");
        for (Types.NestedField c : schema.columns()) {
            columns.add("d." + internal(c));
            named.add(internal(c) + " AS " + identifier(c.name()));
        }
        List<String> parts = new ArrayList<>();
        if (!plain.isEmpty()) {
            parts.add("SELECT " + columns + " FROM read_parquet(" + list(plain) + ", " + readSchema + ") d");
        }
        if (!deleted.isEmpty()) {
            List<String> read = deleted.keySet().stream().map(p -> path(Path.of(p))).toList();
            parts.add("SELECT " + columns + " FROM read_parquet(" + list(read) + ", " + readSchema + ", filename = "
                    + literal(FILE) + ", file_row_number = true) d ANTI JOIN " + deleteRows(deletes, deleted)
                    + " x ON x.file_path = d." + FILE + " AND x.pos = d.file_row_number");
        }
        if (parts.isEmpty()) {
            return empty(scan);
        }
        return "SELECT " + named + " FROM (" + String.join(" UNION ALL ", parts) + ") ml_scan";
    }

    /**
     * The deletes' rows, their file_path as DuckDB names the data file it read: the same name in a local warehouse;
     * for local copies, each copy's path by a list of the files with deletes.
     */
    private static String deleteRows(Set<String> deletes, Map<String, String> deleted) {
        String rows = "read_parquet(" + list(new ArrayList<>(deletes)) + ", " + DELETES_SCHEMA + ")";
        if (deleted.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return rows;
        }
        StringJoiner values = new StringJoiner(", ");
        deleted.forEach((local, named) -> values.add("(" + literal(local) + ", " + literal(named) + ")"));
        return "(SELECT m.local_path AS file_path, p.pos FROM " + rows + " p JOIN (VALUES " + values
                + ") m(local_path, file_path) ON m.file_path = p.file_path)";
    }

    /** The table's columns by field id, under names of their own: no table column can clash with file_row_number. */
    private static String readSchema(TableScan scan) {
        StringJoiner fields = new StringJoiner(", ", "schema=MAP {", "}");
        for (Types.NestedField c : scan.schema().columns()) {
            fields.add(c.fieldId() + ": {name: " + literal("c" + c.fieldId()) + ", type: " + literal(duckDbType(scan, c))
                    + ", default_value: NULL}");
        }
        return fields.toString();
    }

    /** No data files: no rows, and the table's columns all the same. */
    private static String empty(TableScan scan) {
        StringJoiner typed = new StringJoiner(", ");
        for (Types.NestedField c : scan.schema().columns()) {
            typed.add("CAST(NULL AS " + duckDbType(scan, c) + ") AS " + identifier(c.name()));
        }
        return "SELECT " + typed + " WHERE false";
    }

    private static String duckDbType(TableScan scan, Types.NestedField c) {
        return IcebergTypes.ofIceberg(c.type()).orElseThrow(() -> MongoLatestException.user("table " + scan.table()
                + " has column \"" + c.name() + "\" of type " + c.type() + ", which the duckdb engine does not read"));
    }

    private static String internal(Types.NestedField c) {
        return identifier("c" + c.fieldId());
    }

    private static Path local(Function<Location, Path> localFile, Location file) {
        Path p = localFile.apply(file);
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("a file to read is an absolute path: " + p);
        }
        return p.normalize();
    }

    private static String list(List<String> paths) {
        return "[" + String.join(", ", paths) + "]";
    }

    /**
     * {@code p} as read_parquet reads exactly that file: DuckDB takes a name holding {@code * ? [} as a glob, so
     * each is written as the one-character class matching only itself ({@code [*]}); the glob then finds the file
     * under its own name, which its {@code filename} column gives.
     */
    static String path(Path p) {
        StringBuilder out = new StringBuilder();
        for (char ch : p.toString().toCharArray()) {
            if (ch == '*' || ch == '?' || ch == '[') {
                out.append('[').append(ch).append(']');
            } else {
                out.append(ch);
            }
        }
        return literal(out.toString());
    }
}
