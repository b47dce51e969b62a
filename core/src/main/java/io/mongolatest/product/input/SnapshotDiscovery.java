package io.mongolatest.product.input;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.CollectionKey;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StoredObject;
import io.mongolatest.storage.local.LocalInputStore;

/**
 * Finds the snapshots of an export and selects those a run reads (SPEC §7): snapshots dated on or before the
 * export date; {@code full} takes the newest full snapshot, {@code incremental} takes it and every incremental
 * snapshot from its time on (only incrementals, with a warning, when there is no full one).
 *
 * <p>It works from the store's listing of objects, so a local folder and an S3 prefix are read alike. Names
 * starting with {@code .} (hidden files) are skipped, and so are names starting with {@code _} (markers such
 * as {@code _SUCCESS}), with a warning naming them; anything else that does not fit
 * {@code <full|incremental>/<snapshot>/<database>/<collection>/<file>} is a user error rather than silently
 * read or left out.
 */
public final class SnapshotDiscovery {
    private static final String LAYOUT = "<database>/<collection>/";
    private static final String DATA_FILES = ".json, .jsonl, .json.gz and .jsonl.gz files";

    private final InputStore store;
    private final Set<String> skipped = new LinkedHashSet<>();

    private SnapshotDiscovery(InputStore store) {
        this.store = store;
    }

    public static InputSet select(InputStore store, LocalDate exportDate, SnapshotType type) {
        return new SnapshotDiscovery(store).select(exportDate, type);
    }

    /** A local export folder. */
    public static InputSet select(Path input, LocalDate exportDate, SnapshotType type) {
        return select(new LocalInputStore(LocalLocation.of(input)), exportDate, type);
    }

    private InputSet select(LocalDate exportDate, SnapshotType type) {
        Map<Snapshot, List<StoredObject>> bySnapshot = snapshots(store.list());
        List<Snapshot> dated = bySnapshot.keySet().stream()
                .filter(s -> !s.time().toLocalDate().isAfter(exportDate)).sorted().toList();
        List<Snapshot> fulls = dated.stream().filter(s -> s.type() == SnapshotType.FULL).toList();
        List<Snapshot> incrementals = dated.stream().filter(s -> s.type() == SnapshotType.INCREMENTAL).toList();
        List<String> warnings = new ArrayList<>();
        List<Snapshot> chosen = new ArrayList<>();
        Snapshot newestFull = fulls.isEmpty() ? null : fulls.get(fulls.size() - 1);
        if (type == SnapshotType.FULL) {
            if (newestFull == null) {
                throw MongoLatestException.user("no full snapshot dated on or before " + exportDate + " in "
                        + store.root() + "/full");
            }
            chosen.add(newestFull);
        } else {
            if (newestFull == null) {
                if (incrementals.isEmpty()) {
                    throw MongoLatestException.user("no snapshot dated on or before " + exportDate + " in "
                            + store.root() + " (expected full/<YYYY-MM-DD_HH-MM-SS>/ or"
                            + " incremental/<YYYY-MM-DD_HH-MM-SS>/)");
                }
                warnings.add("no full snapshot dated on or before " + exportDate + ": reading "
                        + incrementals.size() + " incremental snapshot(s) only");
            } else {
                chosen.add(newestFull);
            }
            for (Snapshot s : incrementals) {
                if (newestFull == null || !s.time().isBefore(newestFull.time())) {
                    chosen.add(s);
                }
            }
        }
        chosen.sort(Comparator.naturalOrder());
        List<CollectionInput> collections = collections(chosen, bySnapshot);
        if (!skipped.isEmpty()) {
            List<String> names = new ArrayList<>(skipped);
            warnings.add("skipped " + names.size() + " entr" + (names.size() == 1 ? "y" : "ies")
                    + " whose name starts with '_' (markers, not data): " + (names.size() <= 5 ? names
                    : names.subList(0, 5) + " and " + (names.size() - 5) + " more"));
        }
        return new InputSet(store.root(), chosen, collections, warnings);
    }

    /**
     * The visible objects of every snapshot folder under {@code full/} and {@code incremental/} (other
     * top-level entries are not the export's); a snapshot holding only markers is there, and empty.
     */
    private Map<Snapshot, List<StoredObject>> snapshots(List<StoredObject> objects) {
        Map<Snapshot, List<StoredObject>> out = new TreeMap<>();
        for (StoredObject o : objects) {
            String[] seg = o.relativePath().split("/");
            SnapshotType type = seg[0].equals(SnapshotType.FULL.label()) ? SnapshotType.FULL
                    : seg[0].equals(SnapshotType.INCREMENTAL.label()) ? SnapshotType.INCREMENTAL : null;
            if (type == null || seg.length < 2 || hidden(seg, 2)) {
                continue;
            }
            Snapshot s = Snapshot.parse(type, seg[1]).orElseThrow(() -> MongoLatestException.user(
                    "invalid snapshot folder " + type.label() + "/" + seg[1] + " in " + store.root()
                            + ": expected a time YYYY-MM-DD_HH-MM-SS"));
            if (seg.length == 2) {
                throw MongoLatestException.user(o.relativePath() + " in " + store.root() + " is not a folder");
            }
            List<StoredObject> of = out.computeIfAbsent(s, k -> new ArrayList<>());
            if (!hidden(seg, seg.length)) {
                of.add(o);
            }
        }
        return out;
    }

    /**
     * Whether one of the first {@code upTo} segments is hidden ({@code .}) or a marker ({@code _}); markers
     * other than a {@code _SUCCESS} file are remembered for the warning.
     */
    private boolean hidden(String[] segments, int upTo) {
        for (int i = 0; i < upTo && i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith(".")) {
                return true;
            }
            if (s.startsWith("_")) {
                if (!(s.equals("_SUCCESS") && i == segments.length - 1)) {
                    skipped.add(String.join("/", java.util.Arrays.copyOf(segments, i + 1)));
                }
                return true;
            }
        }
        return false;
    }

    private List<CollectionInput> collections(List<Snapshot> snapshots, Map<Snapshot, List<StoredObject>> objects) {
        Map<CollectionKey, List<InputFile>> files = new TreeMap<>();
        Map<String, CollectionKey> tables = new HashMap<>();
        for (Snapshot s : snapshots) {
            Map<CollectionKey, String> inThisSnapshot = new HashMap<>();
            for (StoredObject o : objects.get(s)) {
                String[] seg = o.relativePath().split("/");
                String where = s.path() + "/" + seg[2];
                if (seg.length < 5) {
                    throw MongoLatestException.user("unexpected file " + o.relativePath() + ": expected " + LAYOUT
                            + " folders");
                }
                String collWhere = where + "/" + seg[3];
                if (seg.length > 5) {
                    throw MongoLatestException.user("unexpected folder " + collWhere + "/" + seg[4]
                            + ": a collection folder holds only " + DATA_FILES);
                }
                if (!InputFile.isDataFile(seg[4])) {
                    throw MongoLatestException.user("unexpected file " + o.relativePath()
                            + ": a collection folder holds only " + DATA_FILES);
                }
                CollectionKey key = new CollectionKey(CollectionKey.normalise(seg[2], "database", where),
                        CollectionKey.normalise(seg[3], "collection", collWhere));
                String earlier = inThisSnapshot.putIfAbsent(key, collWhere);
                if (earlier != null && !earlier.equals(collWhere)) {
                    throw MongoLatestException.user("folders " + earlier + " and " + collWhere
                            + " both name the collection " + key);
                }
                CollectionKey sameTable = tables.putIfAbsent(key.table().table(), key);
                if (sameTable != null && !sameTable.equals(key)) {
                    throw MongoLatestException.user("collections " + sameTable + " and " + key
                            + " would both be the table " + key.table());
                }
                files.computeIfAbsent(key, k -> new ArrayList<>()).add(new InputFile(s, o));
            }
        }
        if (files.isEmpty()) {
            throw MongoLatestException.user("the selected snapshots (" + snapshots.stream().map(Snapshot::path)
                    .toList() + ") hold no collection folders " + LAYOUT);
        }
        List<CollectionInput> out = new ArrayList<>();
        // The listing is sorted by path, so each collection's files are in snapshot order, then by name.
        files.forEach((k, v) -> out.add(new CollectionInput(k, v)));
        return out;
    }
}
