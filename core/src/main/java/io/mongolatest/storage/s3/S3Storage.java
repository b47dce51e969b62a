package io.mongolatest.storage.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.storage.StorageProvider;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.FileArea;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3://} locations: inputs listed and streamed through the S3 API, the files beside a warehouse's tables.
 * One client per endpoint, built on first use (credentials are looked up then) and closed with the provider.
 */
public final class S3Storage implements StorageProvider {
    private final Map<Optional<URI>, S3Client> clients = new HashMap<>();
    private Path tempDir;

    @Override
    public String scheme() {
        return S3Location.SCHEME_NAME;
    }

    @Override
    public InputStore input(Location root, StorageSettings settings) {
        return new S3InputStore(objects(settings), (S3Location) root);
    }

    @Override
    public FileArea files(Location root, StorageSettings settings) {
        return new S3FileArea(objects(settings), (S3Location) root, tempDir());
    }

    /** Before the Iceberg tables, a database of an S3 warehouse was published by its {@code <db>/_current.json}. */
    @Override
    public Optional<String> olderLayout(Location root, StorageSettings settings) {
        S3Objects objects = objects(settings);
        S3Location at = (S3Location) root;
        for (String db : objects.folders(at)) {
            if (!io.mongolatest.storage.TableName.isValidPart(db)) {
                continue; // not a database folder of any version
            }
            S3Location manifest = at.resolve(db).resolve("_current.json");
            if (objects.head(manifest).isPresent()) {
                return Optional.of(manifest.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Lists the prefix (one key), which tells a missing bucket, denied access or missing credentials apart
     * before anything is written; for a warehouse, also writes and deletes a probe object.
     */
    @Override
    public void checkAccess(Location root, StorageSettings settings, boolean writes) {
        S3Objects objects = objects(settings);
        S3Location at = (S3Location) root;
        objects.any(at);
        if (writes) {
            S3Location probe = at.resolve(".write-probe-" + UUID.randomUUID());
            objects.put(probe, new byte[0]);
            objects.delete(probe);
        }
    }

    @Override
    public synchronized void close() {
        try {
            clients.values().forEach(S3Client::close);
        } finally {
            clients.clear();
            if (tempDir != null) {
                PrivateFiles.deleteTree(tempDir);
                tempDir = null;
            }
        }
    }

    private synchronized S3Objects objects(StorageSettings settings) {
        S3Client client = clients.computeIfAbsent(Optional.ofNullable(settings.s3Endpoint()), e -> S3Clients.open(
                e.orElse(null)));
        return new S3Objects(client, S3TransferSettings.defaults());
    }

    private synchronized Path tempDir() {
        if (tempDir == null) {
            try {
                tempDir = Files.createTempDirectory("mongo-latest-s3-");
            } catch (IOException e) {
                throw MongoLatestException.external("cannot create a temporary folder for uploads: " + e.getMessage(),
                        e);
            }
        }
        return tempDir;
    }
}
