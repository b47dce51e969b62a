package io.mongolatest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Plain files kept beside the tables of a warehouse: quarantined lines, a run's input selection. Files are
 * private to their owner; a file being written is not visible under its name until it is closed.
 */
public interface FileArea {

    /** Where {@code relativePath} is, for messages and reports. */
    Location location(String relativePath);

    /** A new file (replacing one of the same name) that appears when the stream is closed. */
    OutputStream create(String relativePath) throws IOException;

    /** The file's bytes, or empty when there is none. */
    Optional<InputStream> open(String relativePath) throws IOException;

    /** Deletes {@code relativePath} and everything below it; nothing there is fine. */
    void deleteTree(String relativePath);
}
