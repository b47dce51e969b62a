import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import io.mongolatest.DataSize;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.product.input.InputSet;
import io.mongolatest.product.input.SnapshotDiscovery;

/**
 * The reference programs of bench/latest.sh, each in its own process so that each has its own peak RSS:
 *   floor    INPUT EXPORT_DATE                 - reads every selected byte once (gzip inflated), one thread
 *   baseline INPUT OUT EXPORT_DATE MEMORY      - one plain DuckDB query per collection doing the latest dedup
 * Each prints "seconds=<s>" (the floor also "bytes=<decompressed bytes>").
 */
public final class LatestBench {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[1]).toAbsolutePath();
        if (args[0].equals("floor")) {
            floor(SnapshotDiscovery.select(input, LocalDate.parse(args[2]), SnapshotType.INCREMENTAL), input);
        } else {
            baseline(SnapshotDiscovery.select(input, LocalDate.parse(args[3]), SnapshotType.INCREMENTAL), input,
                    Path.of(args[2]).toAbsolutePath(), DataSize.parse(args[4]));
        }
    }

    private static void floor(InputSet set, Path input) throws Exception {
        byte[] buffer = new byte[1 << 16];
        long bytes = 0;
        long start = System.nanoTime();
        for (CollectionInput c : set.collections()) {
            for (InputFile f : c.files()) {
                InputStream raw = Files.newInputStream(input.resolve(f.relativePath()));
                try (InputStream in = f.gzip() && f.size() > 0 ? new GZIPInputStream(raw, 1 << 16) : raw) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        bytes += n;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "bytes=%d seconds=%.3f%n", bytes, (System.nanoTime() - start) / 1e9);
    }

    private static void baseline(InputSet set, Path input, Path out, DataSize memory) throws Exception {
        Files.createDirectories(out);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '" + memory.mebibytes() + "MiB'");
            s.execute("SET temp_directory = '" + out.resolve(".tmp") + "'");
            s.execute("SET preserve_insertion_order = false");
            s.execute("SET TimeZone = 'UTC'");
            long start = System.nanoTime();
            // Per collection, as the build writes a table per collection: the version time from the usual
            // date forms, the id as written, ties to the later file, removals dropped.
            for (CollectionInput coll : set.collections()) {
                String list = coll.files().stream().map(f -> "'" + input.resolve(f.relativePath()) + "'")
                        .collect(Collectors.joining(", "));
                s.execute("COPY (SELECT id, last_modified, val FROM (SELECT json ->> '_id' AS id,"
                        + " coalesce(" + date("_lastModifiedDateTime") + ", " + date("createdDateTime")
                        + ", TIMESTAMPTZ '1980-01-01 00:00:00+00') AS last_modified,"
                        + " (json ->> '_removedDateTime') IS NOT NULL OR (json ->> '_removed') IS NOT NULL"
                        + " OR coalesce(json ->> '@type' = 'MONGO_DELETE', false) AS removed,"
                        + " json AS val, filename FROM read_ndjson_objects([" + list + "], filename = true,"
                        + " ignore_errors = true, maximum_object_size = 16777216))"
                        + " QUALIFY row_number() OVER (PARTITION BY id ORDER BY last_modified DESC, filename DESC) = 1"
                        + " AND NOT removed) TO '" + out.resolve(coll.key().table().table() + ".parquet")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            System.out.printf(Locale.ROOT, "seconds=%.3f%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static String date(String field) {
        return "coalesce(try_cast(json ->> '$." + field + ".d_date' AS TIMESTAMPTZ), try_cast(json ->> '$." + field
                + ".\"$date\"' AS TIMESTAMPTZ), try_cast((json ->> '$." + field + "') AS TIMESTAMPTZ))";
    }
}
