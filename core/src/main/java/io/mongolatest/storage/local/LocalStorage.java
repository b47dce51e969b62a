package io.mongolatest.storage.local;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageProvider;
import io.mongolatest.storage.StorageSettings;

/** Local folders: inputs read from disk, the files beside a warehouse's tables. */
public final class LocalStorage implements StorageProvider {
    @Override
    public String scheme() {
        return LocalLocation.SCHEME;
    }

    @Override
    public InputStore input(Location root, StorageSettings settings) {
        return new LocalInputStore((LocalLocation) root);
    }

    @Override
    public FileArea files(Location root, StorageSettings settings) {
        return new LocalFileArea(((LocalLocation) root).path());
    }

    /** Before the Iceberg tables, a local warehouse kept its versions in {@code .databases/} and {@code .tables/}. */
    @Override
    public Optional<String> olderLayout(Location root, StorageSettings settings) {
        Path dir = ((LocalLocation) root).path();
        for (String old : new String[] {".databases", ".tables"}) {
            if (Files.isDirectory(dir.resolve(old), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(dir.resolve(old) + "/");
            }
        }
        return Optional.empty();
    }
}
