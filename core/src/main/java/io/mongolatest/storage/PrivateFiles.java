package io.mongolatest.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and folders that may hold documents (tables, quarantine, scratch copies of the input) or run
 * state: created readable by their owner only, whatever the umask, so that nobody else on the host
 * can read what the export holds.
 */
public final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and its missing parents, each new one with mode 0700; existing ones are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return abs;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(abs, directoryAttributes());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
        return abs;
    }

    /** A new folder of a unique name in {@code parent} (created if missing), mode 0700. */
    public static Path createTempDirectory(Path parent, String prefix) throws IOException {
        return Files.createTempDirectory(createDirectories(parent), prefix, directoryAttributes());
    }

    /** Makes {@code file}, which must not exist, empty and with mode 0600 (atomically: one creator wins). */
    public static Path createNew(Path file) throws IOException {
        return POSIX ? Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE)) : Files.createFile(file);
    }

    /** A new or truncated file with mode 0600. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        if (POSIX && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            restrict(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Makes an existing file or folder readable by its owner only (0600 / 0700). */
    public static void restrict(Path p) throws IOException {
        if (POSIX && Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p)) {
            Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
        }
    }

    /**
     * {@link #restrict} of {@code dir} and everything under it, links left alone: for files another program made
     * (an engine's Parquet files, its database), which the umask let it make readable by others.
     */
    public static void restrictTree(Path dir) throws IOException {
        if (!POSIX) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                restrict(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static FileAttribute<?>[] directoryAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
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
