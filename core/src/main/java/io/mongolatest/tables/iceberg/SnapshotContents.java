package io.mongolatest.tables.iceberg;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

import io.mongolatest.storage.TableName;

/**
 * The files of the table snapshots a store has planned or committed, kept for the rest of the process: a snapshot
 * never changes, so its files need planning (reading its manifests) only once. A run commits a table and then
 * registers, shares or replaces it in the same process, each of which would plan it again.
 */
final class SnapshotContents {
    /** Far more than the tables of one warehouse; the oldest goes first past it. */
    private static final int KEPT = 512;

    /**
     * @param deletes the position-delete files that apply to each data file, by its location (none: absent)
     * @param rows    rows a reader reads: records less position deletes, as the snapshot's summary counts them
     */
    record Content(Schema schema, List<DataFile> data, Map<String, List<DeleteFile>> deletes, long rows) {
        Content {
            requireNonNull(schema, "schema is null");
            data = List.copyOf(data);
            deletes = Map.copyOf(deletes);
        }

        /** Every delete file of the snapshot once. */
        List<DeleteFile> allDeletes() {
            Map<String, DeleteFile> unique = new LinkedHashMap<>();
            deletes.values().forEach(ds -> ds.forEach(d -> unique.putIfAbsent(d.location(), d)));
            return List.copyOf(unique.values());
        }
    }

    private final Map<String, Content> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Content> eldest) {
            return size() > KEPT;
        }
    };

    /** The content of {@code snapshot} of {@code table}: kept, or planned now from its manifests and kept. */
    Content of(TableName name, Table table, Snapshot snapshot) {
        Optional<Content> known = get(name, snapshot.snapshotId());
        if (known.isPresent()) {
            return known.get();
        }
        List<DataFile> data = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, List<DeleteFile>> deletes = new LinkedHashMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            for (FileScanTask t : tasks) {
                if (!seen.add(t.file().location())) {
                    continue; // a file split into several tasks
                }
                data.add(t.file());
                if (!t.deletes().isEmpty()) {
                    deletes.put(t.file().location(), List.copyOf(t.deletes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Schema schema = table.schemas().getOrDefault(snapshot.schemaId(), table.schema());
        long rows = Long.parseLong(snapshot.summary().getOrDefault("total-records", "0"))
                - Long.parseLong(snapshot.summary().getOrDefault("total-position-deletes", "0"));
        Content c = new Content(schema, data, deletes, rows);
        put(name, snapshot.snapshotId(), c);
        return c;
    }

    synchronized Optional<Content> get(TableName table, long snapshotId) {
        return Optional.ofNullable(kept.get(key(table, snapshotId)));
    }

    synchronized void put(TableName table, long snapshotId, Content content) {
        kept.put(key(table, snapshotId), content);
    }

    private static String key(TableName table, long snapshotId) {
        return table + "@" + snapshotId;
    }
}
