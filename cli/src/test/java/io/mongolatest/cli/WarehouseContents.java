package io.mongolatest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.engine.WarehouseTables;
import io.mongolatest.storage.s3.S3Bytes;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ObjectInfo;
import io.mongolatest.storage.s3.S3Objects;

/**
 * Every published table of a warehouse, as sorted rows of text, read the way any Parquet reader would:
 * through the table's folder, or on S3 through the database's manifest ({@code <db>/_current.json}) to the
 * current version's prefix. The audit table is left out: it records the runs themselves.
 */
final class WarehouseContents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "_current.json";

    private WarehouseContents() {
    }

    static Map<String, List<String>> read(Path warehouse) {
        return WarehouseTables.rows(warehouse);
    }

    /**
     * The tables of the S3 warehouse {@code root}, as a reader without a catalog finds them: each database
     * folder's manifest names a prefix per table, whose Parquet files are copied below {@code scratch} and read.
     */
    static Map<String, List<String>> readS3(S3Objects objects, S3Location root, Path scratch) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        readS3Tables(objects, root, scratch).forEach((name, table) -> out.put(name, table.rows()));
        return out;
    }

    /** The same, each table with its columns and their Parquet types, as {@link WarehouseTables#read} gives them. */
    static Map<String, WarehouseTables.Table> readS3Tables(S3Objects objects, S3Location root, Path scratch)
            throws IOException {
        Map<String, WarehouseTables.Table> out = new TreeMap<>();
        for (Map.Entry<String, S3Location> t : currentVersions(objects, root).entrySet()) {
            if (t.getKey().startsWith("audit.") || !WarehouseTables.published(t.getKey().split("\\.")[0])) {
                continue;
            }
            Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "table-");
            for (S3ObjectInfo o : objects.list(t.getValue())) {
                try (InputStream in = objects.open(o)) {
                    Files.copy(in, dir.resolve(o.keyBelow(t.getValue())));
                }
            }
            out.put(t.getKey(), WarehouseTables.folderTable(dir));
        }
        return out;
    }

    /** {@code database.table} to the prefix its database's manifest names, for every manifest below root. */
    static Map<String, S3Location> currentVersions(S3Objects objects, S3Location root) throws IOException {
        Map<String, S3Location> out = new TreeMap<>();
        for (String db : objects.folders(root)) {
            Optional<S3Bytes> manifest = objects.read(root.resolve(db).resolve(MANIFEST));
            if (manifest.isEmpty()) {
                continue;
            }
            JsonNode tables = JSON.readTree(manifest.get().body()).get("tables");
            for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> t = it.next();
                out.put(db + "." + t.getKey(), S3Location.parse(t.getValue().get("location").asText()));
            }
        }
        return out;
    }

    /** Version prefixes ({@code <db>/<table>/<id>}) below the databases of root that no manifest names. */
    static Set<String> unnamedVersions(S3Objects objects, S3Location root) throws IOException {
        Set<S3Location> named = new HashSet<>(currentVersions(objects, root).values());
        Set<String> out = new TreeSet<>();
        for (String db : objects.folders(root)) {
            if (objects.read(root.resolve(db).resolve(MANIFEST)).isEmpty()) {
                continue;
            }
            for (S3ObjectInfo o : objects.list(root.resolve(db))) {
                String[] below = o.keyBelow(root).split("/");
                if (below.length > 3) {
                    S3Location version = root.resolve(below[0] + "/" + below[1] + "/" + below[2]);
                    if (!named.contains(version)) {
                        out.add(version.toString());
                    }
                }
            }
        }
        return out;
    }
}
