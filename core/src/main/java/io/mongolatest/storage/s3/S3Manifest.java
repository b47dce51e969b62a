package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;

/**
 * What {@code <warehouse>/<database>/_current.json} holds: the database's tables, each naming the one version
 * readers use. Replacing this object is the commit of the whole database.
 *
 * <pre>{@code
 * {"format": 1, "database": "ucs_latest_redacted", "commit": "1763630000000-1a2b3c4d",
 *  "committed_at": "2026-11-20T09:13:20Z",
 *  "tables": {"core_contract": {"version": "1763629990000-5e6f7a8b",
 *                               "written_for": "ucs_latest_redacted.core_contract",
 *                               "location": "s3://bucket/warehouse/ucs_latest_redacted/core_contract/1763629990000-5e6f7a8b/"}}}
 * }</pre>
 *
 * @param commit unique to each commit, so that two manifests never have the same bytes
 */
record S3Manifest(String database, String commit, Instant committedAt, Map<String, TableVersion> tables) {
    static final String FILE = "_current.json";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    S3Manifest {
        requireNonNull(database, "database is null");
        requireNonNull(commit, "commit is null");
        requireNonNull(committedAt, "committedAt is null");
        tables = new TreeMap<>(tables);
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("database", database);
        root.put("commit", commit);
        root.put("committed_at", committedAt.toString());
        ObjectNode t = root.putObject("tables");
        tables.forEach((name, v) -> t.putObject(name).put("version", v.id()).put("written_for", v.table().toString())
                .put("location", v.location() + "/"));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a manifest", e);
        }
    }

    /** Reads a manifest of {@code database}; one that is not what this class writes is an external error. */
    static S3Manifest parse(byte[] body, String database, S3Location where) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.path("format").asInt() != FORMAT || !database.equals(root.path("database").asText())) {
                throw new IllegalArgumentException("not format " + FORMAT + " of database " + database);
            }
            Map<String, TableVersion> tables = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.path("tables").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                String[] writtenFor = v.path("written_for").asText().split("\\.", -1);
                if (!TableName.isValidPart(f.getKey()) || writtenFor.length != 2
                        || !TableName.isValidPart(writtenFor[0]) || !TableName.isValidPart(writtenFor[1])) {
                    throw new IllegalArgumentException("table " + f.getKey() + " has no valid name");
                }
                tables.put(f.getKey(), new TableVersion(new TableName(writtenFor[0], writtenFor[1]),
                        v.path("version").asText(), S3Location.parse(v.path("location").asText())));
            }
            return new S3Manifest(database, root.path("commit").asText(), Instant.parse(root.path("committed_at")
                    .asText()), tables);
        } catch (IOException | RuntimeException e) {
            throw MongoLatestException.external("the manifest " + where + " is not one mongo-latest writes: "
                    + e.getMessage() + "; restore it or delete the database's prefix", e);
        }
    }
}
