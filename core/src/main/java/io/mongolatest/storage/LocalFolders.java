package io.mongolatest.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Walking and tidying the folders of a local warehouse or mirror, where a failure is worth a log line only. */
public final class LocalFolders {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFolders.class);

    private LocalFolders() {
    }

    /** Calls {@code action} for each entry of {@code dir}, a folder and not a link; nothing when it is none. */
    public static void forEachChild(Path dir, Consumer<Path> action) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path c : children) {
                action.accept(c);
            }
        } catch (IOException e) {
            LOG.warn("cannot clean {}: {}", dir, e.getMessage());
        }
    }

    public static void deleteIfEmpty(Path dir) {
        try {
            if (isEmpty(dir)) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", dir, e.getMessage());
        }
    }

    public static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }
}
