package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;

/**
 * A warehouse on a store the engine cannot reach (S3 for an engine without an S3 client), seen through local
 * folders. A new version is a local staging folder the engine writes into; its commit uploads it to the
 * store's version first and then commits the store, so the store's atomic commit is unchanged. The staging
 * folder stays as the local mirror of that version, and versions written elsewhere are downloaded into the
 * mirror when a reader first asks for them ({@link #tableLocation}), so that the engine reads local Parquet
 * files only. Versions no database of the store names any more are removed from the mirror after a commit.
 *
 * <p>The mirror holds {@code <mirror>/<database>/<table>/<version id>/}, for the table a version was written
 * for. A version's id is unique and a version never changes once a commit names it, so a mirror folder of
 * a named version is a complete copy: downloads go to a hidden folder first and are renamed into place.
 * The locations {@link #current} returns are the mirror folders, filled by {@link #tableLocation}.
 */
public final class MirroredWarehouse implements Warehouse {
    /** The mirror's folder below the engine's folder of the warehouse. */
    public static final String MIRROR = "mirror";
    private static final Logger LOG = LoggerFactory.getLogger(MirroredWarehouse.class);
    // A hidden folder this old is a download that a killed process left (a live one takes seconds).
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final Warehouse store;
    private final VersionFiles transfer;
    private final Path mirror;
    // The store's version behind each mirror folder this instance handed out.
    private final Map<Path, TableVersion> versions = new HashMap<>();
    // Staging folders of new versions no commit named yet.
    private final Set<Path> staged = new HashSet<>();
    private final Set<Path> uploaded = new HashSet<>();

    public MirroredWarehouse(Warehouse store, VersionFiles transfer, Path mirror) {
        this.store = requireNonNull(store, "store is null");
        this.transfer = requireNonNull(transfer, "transfer is null");
        this.mirror = requireNonNull(mirror, "mirror is null").toAbsolutePath().normalize();
    }

    @Override
    public Location root() {
        return store.root();
    }

    /** The mirror folder of the table's current version, downloaded first if this machine does not have it. */
    @Override
    public synchronized LocalLocation tableLocation(TableName table) {
        TableVersion remote = store.current(table.database()).get(table.table());
        if (remote == null) {
            throw MongoLatestException.user("no table " + table + " in the warehouse " + store.root());
        }
        Path dir = folderOf(remote);
        if (!Files.isDirectory(dir)) {
            download(remote, dir);
        }
        return new LocalLocation(dir);
    }

    @Override
    public synchronized TableVersion newVersion(TableName table) {
        TableVersion remote = store.newVersion(table);
        Path dir = folderOf(remote);
        try {
            PrivateFiles.createDirectories(dir);
        } catch (IOException e) {
            throw StorageErrors.cannotWrite(dir, e);
        }
        staged.add(dir);
        return new TableVersion(table, remote.id(), new LocalLocation(dir));
    }

    @Override
    public synchronized Map<String, TableVersion> current(String database) {
        Map<String, TableVersion> out = new TreeMap<>();
        store.current(database).forEach((name, remote) -> out.put(name,
                new TableVersion(remote.table(), remote.id(), new LocalLocation(folderOf(remote)))));
        return out;
    }

    /** Uploads the staged versions {@code tables} names, then commits the store's versions in one step. */
    @Override
    public synchronized void commit(String database, Map<String, TableVersion> tables) {
        Map<String, TableVersion> remote = new LinkedHashMap<>();
        for (Map.Entry<String, TableVersion> t : tables.entrySet()) {
            Path dir = t.getValue().location() instanceof LocalLocation l ? l.path() : null;
            TableVersion v = versions.get(dir);
            if (v == null) {
                throw new IllegalArgumentException("not a version of this warehouse: " + t.getValue());
            }
            if (staged.contains(dir) && uploaded.add(dir)) {
                transfer.upload(dir, v);
            }
            remote.put(t.getKey(), v);
        }
        store.commit(database, remote);
        tables.values().forEach(v -> {
            Path dir = ((LocalLocation) v.location()).path();
            staged.remove(dir);
            uploaded.remove(dir);
        });
        removeUnused();
    }

    /** Followers are told of the store's versions, as the store commits them. */
    @Override
    public CommitFollower.Following follow(CommitFollower follower) {
        return store.follow(follower);
    }

    @Override
    public synchronized void discardPending() {
        staged.forEach(PrivateFiles::deleteTree);
        staged.clear();
        uploaded.clear();
        store.discardPending();
    }

    @Override
    public List<String> databases() {
        return store.databases();
    }

    @Override
    public FileArea files() {
        return store.files();
    }

    private Path folderOf(TableVersion remote) {
        Path dir = SafePaths.child(SafePaths.child(SafePaths.child(mirror, remote.table().database(), "database"),
                remote.table().table(), "table"), remote.id(), "version id");
        versions.put(dir, remote);
        return dir;
    }

    /** Into a hidden folder beside the target, renamed into place whole; another process may win the race. */
    private void download(TableVersion remote, Path dir) {
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".download-" + UUID.randomUUID());
        try {
            PrivateFiles.createDirectories(tmp);
            transfer.download(remote, tmp);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) {
                throw StorageErrors.cannotWrite(dir, e);
            }
            LOG.debug("{} was downloaded meanwhile by another process", dir);
        } finally {
            PrivateFiles.deleteTree(tmp);
        }
    }

    /** Mirror folders of versions no database names and no commit of this instance is about to name. */
    private void removeUnused() {
        Set<Path> used = new HashSet<>(staged);
        try {
            for (String db : store.databases()) {
                store.current(db).values().forEach(v -> used.add(folderOf(v)));
            }
        } catch (MongoLatestException e) {
            LOG.warn("cannot tidy the local mirror {}: {}", mirror, e.getMessage());
            return;
        }
        Instant old = Instant.now().minus(LEFTOVER_AGE);
        LocalFolders.forEachChild(mirror, db -> LocalFolders.forEachChild(db, table -> {
            LocalFolders.forEachChild(table, version -> {
                boolean hidden = version.getFileName().toString().startsWith(".");
                if (hidden ? modifiedBefore(version, old) : !used.contains(version)) {
                    PrivateFiles.deleteTree(version);
                }
            });
            LocalFolders.deleteIfEmpty(table);
        }));
    }

    private static boolean modifiedBefore(Path p, Instant when) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(when);
        } catch (IOException e) {
            return false;
        }
    }
}
