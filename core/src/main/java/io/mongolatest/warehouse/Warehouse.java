package io.mongolatest.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;

/**
 * The warehouse on a local file system. A table {@code <root>/<database>/<table>} is a symbolic link to
 * one complete version under {@code <root>/<database>/.versions/<table>/}; a new version is written
 * beside it and published by renaming a new link over the old one, which POSIX makes atomic. Readers
 * therefore see the old version or the new one, never a mix, and a killed writer leaves the old one.
 */
public final class Warehouse {
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
    static final String VERSIONS = ".versions";

    private final Path root;
    private final Clock clock;

    public Warehouse(Path root, Clock clock) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Path root() {
        return root;
    }

    /** Where readers find the table's current version (a link, or absent before the first publish). */
    public Path tablePath(TableName table) {
        return root.resolve(table.database()).resolve(table.table());
    }

    /** A new, empty directory for the next version of the table; nobody reads it until {@link #publish}. */
    public Path newVersion(TableName table) {
        String id = clock.instant().toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = versionsDir(table).resolve(id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw MongoLatestException.external("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * A new version of {@code target} holding the files of {@code source}'s current version as hard links:
     * a copy that costs nothing, for a table published unchanged under another name. Empty when
     * {@code source} has no version or the file system cannot link (the caller then copies).
     */
    public Optional<Path> linkedVersion(TableName source, TableName target) {
        Optional<Path> from = currentVersion(source);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        Path dir = newVersion(target);
        try (Stream<Path> files = Files.list(from.get())) {
            for (Path f : files.toList()) {
                Files.createLink(dir.resolve(f.getFileName()), f);
            }
            return Optional.of(dir);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot link {} into {}: {}", from.get(), dir, e.getMessage());
            deleteTree(dir);
            return Optional.empty();
        }
    }

    /** Makes {@code version} the table's current version atomically, then removes the versions it replaced. */
    public void publish(TableName table, Path version) {
        Path link = tablePath(table);
        Path relativeTarget = link.getParent().relativize(version);
        Path tmp = link.resolveSibling("." + table.table() + ".link-" + UUID.randomUUID());
        try {
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                throw MongoLatestException.user(link + " exists and is not managed by mongo-latest; move it away");
            }
            Files.createSymbolicLink(tmp, relativeTarget);
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw MongoLatestException.external("cannot publish " + table + ": " + e.getMessage(), e);
        }
        removeUnusedVersions(table);
    }

    /** The directory the table's link points to, if the table has been published. */
    public Optional<Path> currentVersion(TableName table) {
        Path link = tablePath(table);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(link.getParent().resolve(Files.readSymbolicLink(link)).normalize());
        } catch (IOException e) {
            throw MongoLatestException.external("cannot read " + link + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes versions that no link points to: those a killed writer left behind and those replaced.
     * Safe while readers run, because readers only ever follow the link.
     */
    public void removeUnusedVersions(TableName table) {
        Path dir = versionsDir(table);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Optional<Path> current = currentVersion(table);
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(dir)) {
            for (Path v : versions) {
                if (current.isEmpty() || !current.get().equals(v.normalize())) {
                    deleteTree(v);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot clean old versions of {}: {}", table, e.getMessage());
        }
    }

    /** Every published table, database by database, in name order. */
    public List<TableName> tables() {
        List<TableName> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dbs = Files.list(root)) {
            for (Path db : dbs.filter(Files::isDirectory).sorted().toList()) {
                String dbName = db.getFileName().toString();
                if (!TableName.isValidPart(dbName)) {
                    continue;
                }
                try (Stream<Path> ts = Files.list(db)) {
                    ts.filter(Files::isSymbolicLink).map(p -> p.getFileName().toString())
                            .filter(TableName::isValidPart).sorted()
                            .forEach(t -> out.add(new TableName(dbName, t)));
                }
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot list the warehouse " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Removes a table: first its link (readers stop seeing it), then its versions. */
    public void drop(TableName table) {
        deleteQuietly(tablePath(table));
        deleteTree(versionsDir(table));
    }

    private Path versionsDir(TableName table) {
        return root.resolve(table.database()).resolve(VERSIONS).resolve(table.table());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, e.getMessage());
        }
    }

    /** Deletes {@code dir} and everything under it, without following links; logs what it cannot delete. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
