package io.mongolatest.storage.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.StorageErrors;
import io.mongolatest.storage.TempFileOutput;

/**
 * Files under a local folder: written to a hidden temporary name and renamed into place when closed, so
 * that nobody reads half a file; folders 0700 and files 0600, since they may hold documents.
 */
public final class LocalFileArea implements FileArea {
    private final Path root;

    public LocalFileArea(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    @Override
    public LocalLocation location(String relativePath) {
        return new LocalLocation(root).resolve(relativePath);
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        Path target = location(relativePath).path();
        PrivateFiles.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return TempFileOutput.open(tmp, t -> Files.move(t, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING), e -> StorageErrors.cannotWrite(target, e));
    }

    @Override
    public Optional<InputStream> open(String relativePath) throws IOException {
        try {
            return Optional.of(Files.newInputStream(location(relativePath).path()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void deleteTree(String relativePath) {
        PrivateFiles.deleteTree(location(relativePath).path());
    }
}
