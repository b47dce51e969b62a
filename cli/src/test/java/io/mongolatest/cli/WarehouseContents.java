package io.mongolatest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
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

import io.mongolatest.storage.TableName;
import io.mongolatest.storage.local.LocalWarehouse;
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

    static Map<String, List<String>> read(Path warehouse) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        LocalWarehouse wh = new LocalWarehouse(warehouse, Clock.systemUTC());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (TableName t : wh.tables()) {
                if (!t.database().equals("audit")) {
                    out.put(t.toString(), rows(s, wh.tablePath(t)));
                }
            }
        }
        return out;
    }

    /**
     * The tables of the S3 warehouse {@code root}, as a reader without a catalog finds them: each database
     * folder's manifest names a prefix per table, whose Parquet files are copied below {@code scratch} and read.
     */
    static Map<String, List<String>> readS3(S3Objects objects, S3Location root, Path scratch)
            throws SQLException, IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Map.Entry<String, S3Location> t : currentVersions(objects, root).entrySet()) {
                if (t.getKey().startsWith("audit.")) {
                    continue;
                }
                Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "table-");
                for (S3ObjectInfo o : objects.list(t.getValue())) {
                    try (InputStream in = objects.open(o)) {
                        Files.copy(in, dir.resolve(o.keyBelow(t.getValue())));
                    }
                }
                out.put(t.getKey(), rows(s, dir));
            }
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

    private static List<String> rows(Statement s, Path folder) throws SQLException {
        String glob = folder.resolve("*.parquet").toString().replace("'", "''");
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + glob + "') ORDER BY ALL")) {
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
