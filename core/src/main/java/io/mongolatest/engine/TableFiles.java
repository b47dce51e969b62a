package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.tables.TableStore;

/**
 * The files of a warehouse's tables as local files, for an engine that reads local files only (this DuckDB has no
 * httpfs): a local warehouse's are themselves; another's are copied once into a folder of this machine, where they
 * stay, as Iceberg never changes a file it wrote. A copy appears under its name only when complete.
 */
final class TableFiles {
    private final TableStore tables;
    private final Path cache;

    /** @param cache where copies of remote files go, by bucket and key */
    TableFiles(TableStore tables, Path cache) {
        this.tables = requireNonNull(tables, "tables is null");
        this.cache = requireNonNull(cache, "cache is null");
    }

    TableStore tables() {
        return tables;
    }

    /** Where {@code file} is on this machine, copied here first if it is elsewhere. */
    Path local(Location file) {
        if (file instanceof LocalLocation l) {
            return l.path();
        }
        Path copy = place(file);
        if (Files.isRegularFile(copy)) {
            return copy;
        }
        try {
            Path dir = PrivateFiles.createDirectories(copy.getParent());
            Path part = Files.createTempFile(dir, ".part-", ".tmp");
            try (InputStream in = tables.open(file)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                PrivateFiles.restrict(part);
                Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw MongoLatestException.external("cannot copy " + file + " to " + copy + ": " + e.getMessage(), e);
        }
        return copy;
    }

    /** The folder on this machine that holds {@code folder}'s files (it need not exist yet). */
    Path localFolder(Location folder) {
        return folder instanceof LocalLocation l ? l.path() : place(folder);
    }

    /** {@code <cache>/<scheme>/<bucket>/<key>}: never outside the cache, as a location never climbs. */
    private Path place(Location file) {
        String text = file.toString();
        int colon = text.indexOf("://");
        Path p = cache.resolve(file.scheme()).resolve(text.substring(colon + 3)).normalize();
        if (!p.startsWith(cache)) {
            throw new IllegalArgumentException(file + " has no place below " + cache);
        }
        return p;
    }
}
