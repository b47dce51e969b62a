package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.CommitFollower;
import io.mongolatest.storage.CommitFollowers;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.RelativePaths;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.VersionFiles;
import io.mongolatest.storage.Warehouse;

/**
 * The warehouse below an S3 prefix. S3 has no rename and no link, so a database is published by one small
 * object, {@code <root>/<database>/_current.json} ({@link S3Manifest}), naming the version of each of its
 * tables; each version lives under a prefix of its own, {@code <root>/<database>/<table>/<version id>/},
 * written in full before any manifest names it. Replacing the manifest is the commit: one PUT, which S3 makes
 * atomic, conditional on the ETag this instance last read ({@code If-Match}), or on there being none
 * ({@code If-None-Match: *}) for a first commit, so that a writer who lost a race fails and never overwrites
 * the winner's commit unseen. Version prefixes that no manifest names are deleted after each commit.
 */
public final class S3Warehouse implements Warehouse, VersionFiles {
    private static final Logger LOG = LoggerFactory.getLogger(S3Warehouse.class);

    private final S3Objects objects;
    private final S3Location root;
    private final Clock clock;
    private final FileArea files;
    // Versions this instance made that no manifest names yet: a commit of another database must keep them.
    private final Set<S3Location> pending = new HashSet<>();
    // The ETag of each manifest as this instance last saw it (empty: there was none), the base of its commit.
    private final Map<String, Optional<String>> seen = new HashMap<>();
    private final CommitFollowers followers = new CommitFollowers();

    /** @param tempDir a local folder where files wait for their upload ({@link S3FileArea}) */
    public S3Warehouse(S3Objects objects, S3Location root, Clock clock, Path tempDir) {
        this.objects = requireNonNull(objects, "objects is null");
        this.root = requireNonNull(root, "root is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.files = new S3FileArea(objects, root, tempDir);
    }

    @Override
    public S3Location root() {
        return root;
    }

    /** The current version's prefix: a new one after each commit of the table's database. */
    @Override
    public S3Location tableLocation(TableName table) {
        TableVersion v = current(table.database()).get(table.table());
        if (v == null) {
            throw MongoLatestException.user("no table " + table + " in the warehouse " + root);
        }
        return (S3Location) v.location();
    }

    @Override
    public synchronized TableVersion newVersion(TableName table) {
        String id = newId();
        S3Location at = versionLocation(table, id);
        pending.add(at);
        return new TableVersion(table, id, at);
    }

    @Override
    public synchronized Map<String, TableVersion> current(String database) {
        return manifest(database).map(S3Manifest::tables).orElseGet(TreeMap::new);
    }

    @Override
    public synchronized void commit(String database, Map<String, TableVersion> tables) {
        if (!TableName.isValidPart(database)) {
            throw new IllegalArgumentException("invalid database name " + database);
        }
        for (Map.Entry<String, TableVersion> t : tables.entrySet()) {
            TableVersion v = t.getValue();
            if (!TableName.isValidPart(t.getKey()) || !versionLocation(v.table(), v.id()).equals(v.location())) {
                throw new IllegalArgumentException("not a version of table " + t.getKey() + " in " + root + ": " + v);
            }
        }
        S3Location at = manifestLocation(database);
        if (!seen.containsKey(database)) {
            manifest(database);
        }
        Optional<String> base = seen.get(database);
        byte[] body = new S3Manifest(database, newId(), clock.instant(), tables).toJson();
        ConditionalPut put = base.isEmpty() ? objects.putIfAbsent(at, body) : objects.putIfMatch(at, body, base.get());
        if (!(put instanceof ConditionalPut.Written written)) {
            seen.remove(database);
            throw MongoLatestException.external("cannot commit " + database + ": " + at + " was changed by another"
                    + " writer since this run read it; nothing of this commit is visible: run again", null);
        }
        seen.put(database, Optional.of(written.etag()));
        tables.values().forEach(v -> pending.remove((S3Location) v.location()));
        // A catalog follows before the superseded versions go, so that its readers never meet a deleted one.
        followers.tell(database, tables);
        removeUnused();
    }

    @Override
    public CommitFollower.Following follow(CommitFollower follower) {
        return followers.add(follower);
    }

    @Override
    public synchronized void discardPending() {
        for (S3Location v : pending) {
            try {
                objects.deletePrefix(v);
            } catch (MongoLatestException e) {
                LOG.warn("cannot delete the unused version {}: {}", v, e.getMessage());
            }
        }
        pending.clear();
    }

    /** The folders below the root that hold a manifest, in name order. */
    @Override
    public synchronized List<String> databases() {
        List<String> out = new ArrayList<>();
        for (String name : objects.folders(root)) {
            if (TableName.isValidPart(name) && manifest(name).isPresent()) {
                out.add(name);
            }
        }
        return out;
    }

    @Override
    public FileArea files() {
        return files;
    }

    @Override
    public void upload(Path folder, TableVersion version) {
        S3Location at = (S3Location) version.location();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                // Checksums and other hidden files of a writer are no part of the table.
                if (!RelativePaths.name(relative).startsWith(".")) {
                    objects.upload(file, at.resolve(relative));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw MongoLatestException.external("cannot read " + folder + " to upload it: " + e.getMessage(), e);
        }
    }

    @Override
    public void download(TableVersion version, Path folder) {
        S3Location at = (S3Location) version.location();
        List<S3ObjectInfo> found = objects.list(at);
        if (found.isEmpty()) {
            // A version is written whole before a commit names it: none left means a later commit replaced it.
            throw MongoLatestException.external("the version " + at + " is gone from the store (a newer commit"
                    + " replaced it meanwhile): try again", null);
        }
        for (S3ObjectInfo o : found) {
            LocalLocation target = new LocalLocation(folder).resolve(o.keyBelow(at));
            try (InputStream in = objects.open(o)) {
                PrivateFiles.createDirectories(target.path().getParent());
                try (var out = PrivateFiles.newOutputStream(target.path())) {
                    in.transferTo(out);
                }
            } catch (IOException e) {
                throw MongoLatestException.external("cannot download " + o.uri() + " to " + target + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Reads the manifest of {@code database} and remembers its ETag as the base of the next commit. */
    private Optional<S3Manifest> manifest(String database) {
        S3Location at = manifestLocation(database);
        Optional<S3Bytes> read = objects.read(at);
        seen.put(database, read.map(S3Bytes::etag));
        return read.map(b -> S3Manifest.parse(b.body(), database, at));
    }

    /**
     * Deletes every version prefix below a database with a manifest that no manifest names and that this
     * instance is not about to commit. The commit has happened: a failure here is only logged.
     */
    private void removeUnused() {
        try {
            Set<S3Location> used = new HashSet<>(pending);
            List<String> databases = databases();
            for (String db : databases) {
                current(db).values().forEach(v -> used.add((S3Location) v.location()));
            }
            for (String db : databases) {
                Set<S3Location> versions = new HashSet<>();
                S3Location dbLocation = root.resolve(db);
                for (S3ObjectInfo o : objects.list(dbLocation)) {
                    String[] below = o.keyBelow(dbLocation).split("/", -1);
                    if (below.length >= 3 && TableName.isValidPart(below[0])) {
                        versions.add(dbLocation.resolve(below[0]).resolve(below[1]));
                    }
                }
                versions.removeAll(used);
                for (S3Location v : versions) {
                    objects.deletePrefix(v);
                }
            }
        } catch (MongoLatestException e) {
            LOG.warn("cannot delete superseded versions in {}: {}", root, e.getMessage());
        }
    }

    private S3Location manifestLocation(String database) {
        return root.resolve(database).resolve(S3Manifest.FILE);
    }

    private S3Location versionLocation(TableName table, String id) {
        return root.resolve(table.database()).resolve(table.table()).resolve(id);
    }

    private String newId() {
        return clock.instant().toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
