package io.mongolatest.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.storage.PrivateFiles;

/**
 * The spill folder of one DuckDB session: a new private folder in the temp folder, named after this process
 * ({@code duckdb-<pid>-…}). A session deletes its own when it closes; one killed cannot, so making a new one first
 * removes the folders whose process is gone (a live one's, a run's while a query reads, stays).
 */
final class SpillFolders {
    private static final Logger LOG = LoggerFactory.getLogger(SpillFolders.class);
    private static final String PREFIX = "duckdb-";

    private SpillFolders() {
    }

    static Path create(Path tempDir) throws IOException {
        Path dir = PrivateFiles.createTempDirectory(tempDir, PREFIX + ProcessHandle.current().pid() + "-");
        removeOrphans(tempDir);
        return dir;
    }

    private static void removeOrphans(Path tempDir) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tempDir, PREFIX + "*")) {
            for (Path f : folders) {
                Long pid = ownerOf(f.getFileName().toString());
                if (pid != null && ProcessHandle.of(pid).isEmpty()) {
                    LOG.info("removing {}, the spill folder of process {}, which is gone", f, pid);
                    PrivateFiles.deleteTree(f);
                }
            }
        }
    }

    /** The process a folder {@code duckdb-<pid>-…} belongs to, or null for any other name. */
    private static Long ownerOf(String name) {
        int end = name.indexOf('-', PREFIX.length());
        try {
            return end < 0 ? null : Long.valueOf(name.substring(PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
