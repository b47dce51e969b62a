package io.mongolatest.product.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StoredObject;

/**
 * An input selection as JSON, as it is kept in the warehouse when an attempt begins: every step process of
 * the attempt reads exactly these files, whatever appears in the export later.
 */
public final class InputSetJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT = 1;

    private InputSetJson() {
    }

    public static byte[] write(InputSet input) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("root", input.root().toString());
        doc.put("snapshots", input.snapshots().stream().map(Snapshot::path).toList());
        doc.put("warnings", input.warnings());
        List<Object> collections = new ArrayList<>();
        for (CollectionInput c : input.collections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("database", c.key().database());
            m.put("collection", c.key().collection());
            m.put("files", c.files().stream().map(f -> List.of(f.snapshot().path(), f.relativePath(), f.size(),
                    f.object().identity())).toList());
            collections.add(m);
        }
        doc.put("collections", collections);
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw MongoLatestException.internal("cannot write the input selection", e);
        }
    }

    /** Reads back what {@link #write} wrote, with {@code root} as the run knows its input. */
    @SuppressWarnings("unchecked")
    public static InputSet read(byte[] json, Location root) {
        Map<String, Object> doc;
        try {
            doc = MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw MongoLatestException.external("the recorded input selection is unreadable: " + e.getMessage(), e);
        }
        if (!Integer.valueOf(FORMAT).equals(doc.get("format"))) {
            throw MongoLatestException.external("the recorded input selection has an unknown format: "
                    + doc.get("format"), null);
        }
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        for (String path : (List<String>) doc.get("snapshots")) {
            snapshots.put(path, parseSnapshot(path));
        }
        List<CollectionInput> collections = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("collections")) {
            List<InputFile> files = new ArrayList<>();
            for (List<Object> f : (List<List<Object>>) c.get("files")) {
                Snapshot s = snapshots.get((String) f.get(0));
                files.add(new InputFile(s, new StoredObject((String) f.get(1), ((Number) f.get(2)).longValue(),
                        (String) f.get(3))));
            }
            collections.add(new CollectionInput(new CollectionKey((String) c.get("database"),
                    (String) c.get("collection")), files));
        }
        return new InputSet(root, List.copyOf(snapshots.values()), collections, (List<String>) doc.get("warnings"));
    }

    private static Snapshot parseSnapshot(String path) {
        int slash = path.indexOf('/');
        SnapshotType type = SnapshotType.parse(path.substring(0, slash));
        return Snapshot.parse(type, path.substring(slash + 1)).orElseThrow(() -> MongoLatestException.external(
                "the recorded input selection names an invalid snapshot " + path, null));
    }
}
