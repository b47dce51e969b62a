package io.mongolatest.product;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.SnapshotType;

/**
 * Finds the snapshots of an input folder and selects those a run reads (SPEC §7): snapshots dated on or
 * before the export date; {@code full} takes the newest full snapshot, {@code incremental} takes it and
 * every incremental snapshot from its time on (only incrementals, with a warning, when there is no full
 * one). Names starting with {@code .} (hidden files) are skipped, and so are names starting with {@code _}
 * (markers such as {@code _SUCCESS}), with a warning naming them; links that lead outside the input root
 * and anything else that does not fit the layout are user errors rather than silently read or left out.
 */
public final class SnapshotDiscovery {
    private final Path root;
    private final List<String> skipped = new ArrayList<>();

    private SnapshotDiscovery(Path root) {
        this.root = root;
    }

    public static InputSet select(Path input, LocalDate exportDate, SnapshotType type) {
        Path given = input.toAbsolutePath().normalize();
        if (Files.isRegularFile(given)) {
            throw MongoLatestException.user("--input " + given + " is a file: give the folder that holds full/ and"
                    + " incremental/");
        }
        if (!Files.isDirectory(given)) {
            throw MongoLatestException.user("input folder " + given + " does not exist");
        }
        return new SnapshotDiscovery(realPath(given)).select(exportDate, type);
    }

    private InputSet select(LocalDate exportDate, SnapshotType type) {
        List<Snapshot> fulls = snapshots(SnapshotType.FULL, exportDate);
        List<Snapshot> incrementals = snapshots(SnapshotType.INCREMENTAL, exportDate);
        List<String> warnings = new ArrayList<>();
        List<Snapshot> chosen = new ArrayList<>();
        Snapshot newestFull = fulls.isEmpty() ? null : fulls.get(fulls.size() - 1);
        if (type == SnapshotType.FULL) {
            if (newestFull == null) {
                throw MongoLatestException.user("no full snapshot dated on or before " + exportDate + " in " + root
                        + "/full");
            }
            chosen.add(newestFull);
        } else {
            if (newestFull == null) {
                if (incrementals.isEmpty()) {
                    throw MongoLatestException.user("no snapshot dated on or before " + exportDate + " in " + root
                            + " (expected full/<YYYY-MM-DD_HH-MM-SS>/ or incremental/<YYYY-MM-DD_HH-MM-SS>/)");
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
        List<CollectionInput> collections = collections(chosen);
        if (!skipped.isEmpty()) {
            warnings.add("skipped " + skipped.size() + " entr" + (skipped.size() == 1 ? "y" : "ies")
                    + " whose name starts with '_' (markers, not data): " + (skipped.size() <= 5 ? skipped
                    : skipped.subList(0, 5) + " and " + (skipped.size() - 5) + " more"));
        }
        return new InputSet(root, chosen, collections, warnings);
    }

    private List<Snapshot> snapshots(SnapshotType type, LocalDate exportDate) {
        Path dir = root.resolve(type.label());
        List<Snapshot> out = new ArrayList<>();
        for (Path p : children(dir)) {
            String name = p.getFileName().toString();
            Snapshot s = Snapshot.parse(type, name).orElseThrow(() -> MongoLatestException.user(
                    "invalid snapshot folder " + type.label() + "/" + name + " in " + root
                            + ": expected a time YYYY-MM-DD_HH-MM-SS"));
            if (!Files.isDirectory(p)) {
                throw MongoLatestException.user(type.label() + "/" + name + " in " + root + " is not a folder");
            }
            if (!s.time().toLocalDate().isAfter(exportDate)) {
                out.add(s);
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private List<CollectionInput> collections(List<Snapshot> snapshots) {
        Map<CollectionKey, List<InputFile>> files = new TreeMap<>();
        Map<String, CollectionKey> tables = new HashMap<>();
        for (Snapshot s : snapshots) {
            Map<CollectionKey, String> inThisSnapshot = new HashMap<>();
            for (Path db : folders(root.resolve(s.path()), s.path())) {
                String where = s.path() + "/" + db.getFileName();
                String database = CollectionKey.normalise(db.getFileName().toString(), "database", where);
                for (Path coll : folders(db, where)) {
                    String collWhere = where + "/" + coll.getFileName();
                    CollectionKey key = new CollectionKey(database,
                            CollectionKey.normalise(coll.getFileName().toString(), "collection", collWhere));
                    String earlier = inThisSnapshot.putIfAbsent(key, collWhere);
                    if (earlier != null) {
                        throw MongoLatestException.user("folders " + earlier + " and " + collWhere
                                + " both name the collection " + key);
                    }
                    CollectionKey sameTable = tables.putIfAbsent(key.table().table(), key);
                    if (sameTable != null && !sameTable.equals(key)) {
                        throw MongoLatestException.user("collections " + sameTable + " and " + key
                                + " would both be the table " + key.table());
                    }
                    files.computeIfAbsent(key, k -> new ArrayList<>()).addAll(dataFiles(s, coll, collWhere));
                }
            }
        }
        if (files.isEmpty()) {
            throw MongoLatestException.user("the selected snapshots (" + snapshots.stream().map(Snapshot::path)
                    .toList() + ") hold no collection folders <database>/<collection>/");
        }
        List<CollectionInput> out = new ArrayList<>();
        files.forEach((k, v) -> out.add(new CollectionInput(k, v)));
        return out;
    }

    private List<InputFile> dataFiles(Snapshot s, Path coll, String where) {
        List<InputFile> out = new ArrayList<>();
        for (Path f : children(coll)) {
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f) || !InputFile.isDataFile(name)) {
                throw MongoLatestException.user("unexpected " + (Files.isDirectory(f) ? "folder " : "file ") + where
                        + "/" + name + ": a collection folder holds only .json, .jsonl, .json.gz and .jsonl.gz files");
            }
            try {
                out.add(new InputFile(s, f, where + "/" + name, Files.size(f)));
            } catch (IOException e) {
                throw MongoLatestException.user("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return out; // children() sorted them by name
    }

    private List<Path> folders(Path dir, String where) {
        List<Path> out = children(dir);
        for (Path p : out) {
            if (!Files.isDirectory(p)) {
                throw MongoLatestException.user("unexpected file " + where + "/" + p.getFileName()
                        + ": expected <database>/<collection>/ folders");
            }
        }
        return out;
    }

    /**
     * The entries of {@code dir} by name, without hidden ones and markers; none when it does not exist.
     * A link that leads out of the input root is refused: the export must not reach other files on the host.
     */
    private List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path p : s.sorted(Comparator.comparing(x -> x.getFileName().toString())).toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) {
                    continue;
                }
                if (n.startsWith("_")) {
                    if (!n.equals("_SUCCESS")) {
                        skipped.add(root.relativize(p).toString());
                    }
                    continue;
                }
                if (Files.isSymbolicLink(p) && !realPath(p).startsWith(root)) {
                    throw MongoLatestException.user("input " + root.relativize(p) + " is a link to "
                            + realPath(p) + ", outside the input folder " + root + ": links may only point inside it");
                }
                out.add(p);
            }
            return out;
        } catch (IOException e) {
            throw MongoLatestException.user("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
