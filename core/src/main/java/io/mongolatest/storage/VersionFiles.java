package io.mongolatest.storage;

import java.nio.file.Path;

/**
 * The files of table versions, moved between this machine and a warehouse's store: what an engine that
 * cannot reach the store needs ({@link MirroredWarehouse}). A warehouse on a remote store implements it.
 */
public interface VersionFiles {

    /** Copies every file below the local {@code folder} into {@code version}, which no commit named yet. */
    void upload(Path folder, TableVersion version);

    /** Copies every file of {@code version} into the local {@code folder}, which exists and is empty. */
    void download(TableVersion version, Path folder);
}
