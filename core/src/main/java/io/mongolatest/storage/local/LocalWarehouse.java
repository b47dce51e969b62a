package io.mongolatest.storage.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.CommitFollower;
import io.mongolatest.storage.CommitFollowers;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.LocalFolders;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.StorageErrors;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.Warehouse;

/**
 * The warehouse on a local file system. A database {@code <root>/<db>} is a symbolic link to one complete
 * version of the whole database, {@code .databases/<db>/<generation>/}, which holds a link per table to one
 * table version under {@code .tables/}. A new database version is made beside the old one and swapped in by
 * renaming a new link over the old, which POSIX makes atomic: a reader of {@code <root>/<db>/<table>/} sees
 * every table of the old version or every table of the new one, never a mix, and a killed writer leaves the
 * old one. Versions no database names any more are deleted after each swap.
 */
public final class LocalWarehouse implements Warehouse {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWarehouse.class);
    static final String DATABASES = ".databases";
    static final String TABLES = ".tables";
    private static final String TRASH = ".trash";

    private final Path root;
    private final Clock clock;
    private final FileArea files;
    // Versions this instance wrote that no database names yet: a swap of another database must keep them.
    private final Set<Path> pending = new HashSet<>();
    private final CommitFollowers followers = new CommitFollowers();

    public LocalWarehouse(Path root, Clock clock) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.clock = requireNonNull(clock, "clock is null");
        this.files = new LocalFileArea(this.root);
    }

    @Override
    public LocalLocation root() {
        return new LocalLocation(root);
    }

    /** {@code <root>/<database>/<table>/}, through the database's link: stable across commits. */
    @Override
    public LocalLocation tableLocation(TableName table) {
        return new LocalLocation(tablePath(table));
    }

    /** Where readers find a table: {@code <root>/<database>/<table>/}, through the database's link. */
    public Path tablePath(TableName table) {
        return root.resolve(table.database()).resolve(table.table());
    }

    @Override
    public FileArea files() {
        return files;
    }

    @Override
    public synchronized TableVersion newVersion(TableName table) {
        String id = newId();
        Path dir = root.resolve(TABLES).resolve(table.database()).resolve(table.table()).resolve(id);
        try {
            PrivateFiles.createDirectories(dir);
        } catch (IOException e) {
            throw StorageErrors.cannotWrite(dir, e);
        }
        Path real = realOrSelf(dir);
        pending.add(real);
        return new TableVersion(table, id, new LocalLocation(real));
    }

    @Override
    public Map<String, TableVersion> current(String database) {
        Path db = root.resolve(database);
        Map<String, TableVersion> out = new TreeMap<>();
        if (!Files.isDirectory(db)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(db)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isSymbolicLink(entry) && TableName.isValidPart(name) && Files.isDirectory(entry)) {
                    Path dir = entry.toRealPath();
                    out.put(name, new TableVersion(new TableName(database, name), dir.getFileName().toString(),
                            new LocalLocation(dir)));
                }
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot read " + db + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized void commit(String database, Map<String, TableVersion> tables) {
        if (!TableName.isValidPart(database)) {
            throw new IllegalArgumentException("invalid database name " + database);
        }
        Path link = root.resolve(database);
        Path tmp = root.resolve("." + database + ".link-" + UUID.randomUUID());
        Path generation = null;
        try {
            // Links are relative and made between real paths, so that the warehouse can be moved as a whole.
            generation = PrivateFiles.createDirectories(root.resolve(DATABASES).resolve(database).resolve(newId()))
                    .toRealPath();
            for (Map.Entry<String, TableVersion> t : tables.entrySet()) {
                if (!TableName.isValidPart(t.getKey())) {
                    throw new IllegalArgumentException("invalid table name " + t.getKey());
                }
                Files.createSymbolicLink(generation.resolve(t.getKey()),
                        generation.relativize(local(t.getValue())));
            }
            moveAsideUnmanaged(link);
            Files.createSymbolicLink(tmp, root.toRealPath().relativize(generation));
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            PrivateFiles.deleteTree(tmp);
            if (generation != null) {
                PrivateFiles.deleteTree(generation);
            }
            throw StorageErrors.cannotWrite(link, e);
        }
        tables.values().forEach(v -> pending.remove(local(v)));
        followers.tell(database, tables);
        removeUnused();
    }

    @Override
    public CommitFollower.Following follow(CommitFollower follower) {
        return followers.add(follower);
    }

    @Override
    public synchronized void discardPending() {
        pending.forEach(PrivateFiles::deleteTree);
        pending.clear();
    }

    /** Links (and folders of an earlier layout) with valid names. */
    @Override
    public List<String> databases() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (TableName.isValidPart(name) && Files.isDirectory(p) && !isPlainFolder(p, name)) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot list the warehouse " + root + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** A folder that holds no table links is no database (e.g. {@code quarantine}). */
    private boolean isPlainFolder(Path p, String name) {
        return !Files.isSymbolicLink(p) && current(name).isEmpty();
    }

    /**
     * A database folder of the earlier layout (a real folder of per-table links) cannot be swapped
     * atomically for a link: it is moved aside first, the one moment readers see no tables.
     */
    private void moveAsideUnmanaged(Path link) throws IOException {
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(link)) {
            return;
        }
        if (!Files.isDirectory(link) || current(link.getFileName().toString()).isEmpty() && !LocalFolders.isEmpty(link)) {
            throw MongoLatestException.user(link + " exists and is not managed by mongo-latest; move it away");
        }
        Path trash = root.resolve(TRASH).resolve(link.getFileName() + "-" + newId());
        PrivateFiles.createDirectories(trash.getParent());
        Files.move(link, trash, StandardCopyOption.ATOMIC_MOVE);
    }

    private void removeUnused() {
        Set<Path> used = new HashSet<>(pending);
        Set<Path> currentGenerations = new HashSet<>();
        for (String db : databases()) {
            current(db).values().forEach(v -> used.add(local(v)));
            Path link = root.resolve(db);
            if (Files.isSymbolicLink(link)) {
                currentGenerations.add(realOrSelf(link));
            }
        }
        LocalFolders.forEachChild(root.resolve(DATABASES), db -> LocalFolders.forEachChild(db, gen -> {
            if (!currentGenerations.contains(realOrSelf(gen))) {
                PrivateFiles.deleteTree(gen);
            }
        }));
        LocalFolders.forEachChild(root.resolve(TABLES), db -> LocalFolders.forEachChild(db, table -> {
            LocalFolders.forEachChild(table, version -> {
                if (!used.contains(realOrSelf(version))) {
                    PrivateFiles.deleteTree(version);
                }
            });
            LocalFolders.deleteIfEmpty(table);
        }));
        PrivateFiles.deleteTree(root.resolve(TRASH));
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static Path local(TableVersion v) {
        if (!(v.location() instanceof LocalLocation l)) {
            throw new IllegalArgumentException("not a version of a local warehouse: " + v);
        }
        return l.path();
    }

    private String newId() {
        return clock.instant().toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deletes {@code dir} and everything under it, without following links. */
    public static void deleteTree(Path dir) {
        PrivateFiles.deleteTree(dir);
    }
}
