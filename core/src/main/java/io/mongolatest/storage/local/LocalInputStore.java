package io.mongolatest.storage.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageErrors;
import io.mongolatest.storage.StoredObject;

/**
 * An export in a local folder. Links are followed only while they stay inside the folder: one that leads
 * elsewhere (say, to {@code /etc/shadow}) is refused, so the export cannot pull other files of the host into
 * the product or its quarantine.
 */
public final class LocalInputStore implements InputStore {
    private final LocalLocation root;

    public LocalInputStore(LocalLocation root) {
        this.root = requireNonNull(root, "root is null");
    }

    @Override
    public LocalLocation root() {
        return root;
    }

    @Override
    public List<StoredObject> list() {
        Path given = root.path();
        if (Files.isRegularFile(given)) {
            throw MongoLatestException.user("--input " + given + " is a file: give the folder that holds full/ and"
                    + " incremental/");
        }
        if (!Files.isDirectory(given)) {
            throw MongoLatestException.user("input folder " + given + " does not exist");
        }
        Path real = realPath(given);
        List<StoredObject> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(real, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.toList()) {
                if (Files.isSymbolicLink(p) && !realPath(p).startsWith(real)) {
                    throw MongoLatestException.user("input " + real.relativize(p) + " is a link to " + realPath(p)
                            + ", outside the input folder " + real + ": links may only point inside it");
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    out.add(listed(real.relativize(p).toString().replace('\\', '/'), a));
                } else if (a.isOther()) {
                    // Refused like a folder named x.json, rather than left out; never opened (a FIFO would block).
                    throw MongoLatestException.user("input " + real.relativize(p) + " is " + special(p)
                            + ", not a file: an input folder holds only folders and files");
                }
            }
        } catch (IOException e) {
            throw MongoLatestException.user("cannot list the input folder " + real + ": " + StorageErrors.reason(e), e);
        } catch (java.io.UncheckedIOException e) {
            throw MongoLatestException.user("cannot list the input folder " + real + ": "
                    + StorageErrors.reason(e.getCause()), e);
        }
        out.sort(Comparator.comparing(StoredObject::relativePath));
        return out;
    }

    @Override
    public InputStream open(StoredObject object) throws IOException {
        Path p = root.resolve(object.relativePath()).path();
        try {
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw MongoLatestException.user("input file " + object.relativePath() + " disappeared during the run", e);
        }
    }

    @Override
    public Optional<StoredObject> stat(StoredObject object) {
        try {
            BasicFileAttributes a = Files.readAttributes(root.resolve(object.relativePath()).path(),
                    BasicFileAttributes.class);
            return Optional.of(listed(object.relativePath(), a));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read input file " + object.relativePath() + ": "
                    + StorageErrors.reason(e), e);
        }
    }

    /** A file as listed: its identity is its size and modification time. */
    private static StoredObject listed(String relativePath, BasicFileAttributes a) {
        return new StoredObject(relativePath, a.size(), a.size() + "@" + a.lastModifiedTime().toMillis());
    }

    /** What a path that is neither a file, a folder nor a link is, from its mode alone. */
    private static String special(Path p) {
        try {
            return switch ((Integer) Files.getAttribute(p, "unix:mode") & 0170000) {
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                case 0020000, 0060000 -> "a device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw MongoLatestException.user("cannot read " + p + ": " + StorageErrors.reason(e), e);
        }
    }
}
