package io.mongolatest.storage.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.StorageErrors;
import io.mongolatest.storage.TempFileOutput;

/**
 * Files below an S3 prefix. A file is written to a private local temporary file (mode 0600: it may hold
 * documents) and uploaded when the stream is closed, in one PUT or one completed multipart upload, so that a
 * reader sees the whole file or none of it.
 */
public final class S3FileArea implements FileArea {
    private final S3Objects objects;
    private final S3Location root;
    private final Path tempDir;

    /** @param tempDir where files wait for their upload; it exists */
    public S3FileArea(S3Objects objects, S3Location root, Path tempDir) {
        this.objects = requireNonNull(objects, "objects is null");
        this.root = requireNonNull(root, "root is null");
        this.tempDir = requireNonNull(tempDir, "tempDir is null");
    }

    @Override
    public S3Location location(String relativePath) {
        return root.resolve(relativePath);
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        S3Location target = location(relativePath);
        // A new temporary file is readable by its owner only (0600 on POSIX systems).
        Path tmp = Files.createTempFile(tempDir, "upload-", ".tmp");
        return TempFileOutput.open(tmp, t -> objects.upload(t, target), e -> StorageErrors.cannotWrite(tmp, e));
    }

    @Override
    public Optional<InputStream> open(String relativePath) {
        return objects.head(location(relativePath)).map(objects::open);
    }

    /** The object at {@code relativePath}, if any, and every object below it. */
    @Override
    public void deleteTree(String relativePath) {
        S3Location at = location(relativePath);
        objects.deletePrefix(at);
        objects.delete(at);
    }
}
