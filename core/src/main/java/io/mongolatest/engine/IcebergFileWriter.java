package io.mongolatest.engine;

import static io.mongolatest.engine.DuckDbSql.identifier;
import static io.mongolatest.engine.DuckDbSql.literal;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.tables.WrittenFile;

/**
 * Writes the rows of a query as one Parquet data file of an Iceberg table: each column cast to the DuckDB type
 * of its schema field and carrying that field's id, so that any Iceberg reader finds it by id. DuckDB's
 * RETURN_STATS gives the file's size, rows and null counts, without reading the footer back. An empty result
 * still writes a file: it holds the schema.
 */
final class IcebergFileWriter {
    private static final Logger LOG = LoggerFactory.getLogger(IcebergFileWriter.class);
    private final DuckDbStatements statements;
    private final long rowGroupBytes;

    /** @param rowGroupBytes the most a row group holds: a small part of the engine's memory (see DuckDbSession) */
    IcebergFileWriter(DuckDbStatements statements, long rowGroupBytes) {
        this.statements = requireNonNull(statements, "statements is null");
        this.rowGroupBytes = rowGroupBytes;
    }

    /**
     * Writes the rows of {@code select} (its columns named as {@code schema}'s) into a file of a new name in
     * {@code folder}, made the owner's alone; returns what was written.
     */
    List<WrittenFile> write(String select, Schema schema, Path folder) {
        Path file;
        try {
            file = PrivateFiles.createDirectories(folder).resolve("data-" + UUID.randomUUID() + ".parquet");
        } catch (IOException e) {
            throw MongoLatestException.external("cannot create " + folder + ": " + e.getMessage(), e);
        }
        // zstd's fastest level and the row groups of DuckDbSession.writeParquet: the same files, with field ids.
        String copy = "COPY (" + projection(select, schema) + ") TO " + literal(file.toString())
                + " (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE 122880, ROW_GROUP_SIZE_BYTES "
                + literal(rowGroupBytes / 1024 + "KiB") + ", FIELD_IDS " + fieldIds(schema) + ", RETURN_STATS)";
        QueryResult stats = copy(copy, file);
        try {
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            throw MongoLatestException.external("cannot make " + file + " private: " + e.getMessage(), e);
        }
        return written(stats, schema);
    }

    private QueryResult copy(String copy, Path file) {
        try {
            return statements.query(copy);
        } catch (SQLException e) {
            // Any other failure is reported as it is, without a further statement that could hide it.
            if (!String.valueOf(e.getMessage()).startsWith("Out of Memory Error")) {
                throw statements.failure(e);
            }
            long threads = threads();
            if (threads <= 1) {
                throw statements.failure(e);
            }
            // As DuckDbSession.writeParquet: within the limit, one thread does what two could not. The COPY
            // writes its file again from the start.
            LOG.info("writing {} ran out of memory on {} threads: writing it again on one", file, threads);
            try {
                statements.execute("SET threads = 1");
                try {
                    return statements.query(copy);
                } finally {
                    statements.execute("SET threads = " + threads);
                }
            } catch (SQLException again) {
                throw statements.failure(again);
            }
        }
    }

    private long threads() {
        try {
            return ((Number) statements.query("SELECT current_setting('threads')").single()).longValue();
        } catch (SQLException e) {
            throw statements.failure(e);
        }
    }

    /** {@code select}'s columns as the schema's types: a TINYINT is written as the INT32 Iceberg's int is. */
    static String projection(String select, Schema schema) {
        StringJoiner columns = new StringJoiner(", ");
        for (Types.NestedField f : schema.columns()) {
            String type = IcebergTypes.ofIceberg(f.type()).orElseThrow(() -> new IllegalArgumentException(
                    "no DuckDB type writes column " + f.name() + " of type " + f.type()));
            columns.add("CAST(" + identifier(f.name()) + " AS " + type + ") AS " + identifier(f.name()));
        }
        return "SELECT " + columns + " FROM (" + select + ") ml_rows";
    }

    private static String fieldIds(Schema schema) {
        StringJoiner ids = new StringJoiner(", ", "{", "}");
        schema.columns().forEach(f -> ids.add(identifier(f.name()) + ": " + f.fieldId()));
        return ids.toString();
    }

    /**
     * RETURN_STATS gives a row per file written: {@code filename}, {@code count}, {@code file_size_bytes} and
     * {@code column_statistics}, a map from the column's quoted name ({@code "a""b"}, nested ones
     * {@code "s"."x"}) to its figures as text ({@code null_count}, {@code min}, {@code max}, ...).
     */
    private static List<WrittenFile> written(QueryResult stats, Schema schema) {
        List<String> columns = stats.columns();
        int filename = columns.indexOf("filename");
        int count = columns.indexOf("count");
        int bytes = columns.indexOf("file_size_bytes");
        int statistics = columns.indexOf("column_statistics");
        if (filename < 0 || count < 0 || bytes < 0 || statistics < 0) {
            throw new IllegalStateException("DuckDB's RETURN_STATS gave columns " + columns);
        }
        List<WrittenFile> out = new ArrayList<>();
        for (List<Object> row : stats.rows()) {
            Map<?, ?> byColumn = row.get(statistics) instanceof Map<?, ?> m ? m : Map.of();
            Map<Integer, Long> nulls = new HashMap<>();
            for (Types.NestedField f : schema.columns()) {
                if (byColumn.get(identifier(f.name())) instanceof Map<?, ?> figures
                        && figures.get("null_count") instanceof String n) {
                    nulls.put(f.fieldId(), Long.parseLong(n));
                }
            }
            out.add(new WrittenFile(LocalLocation.of(Path.of((String) row.get(filename))),
                    ((Number) row.get(bytes)).longValue(), ((Number) row.get(count)).longValue(), nulls));
        }
        return out;
    }
}
