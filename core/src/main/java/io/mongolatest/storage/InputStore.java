package io.mongolatest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Read access to an export: what it holds, and each object's bytes as a stream. Implementations: local
 * folders and S3 prefixes; one contract suite checks both.
 */
public interface InputStore {

    Location root();

    /**
     * Every object below the root at any depth, hidden ones included, sorted by relative path. A local link
     * that leads out of the root is a user error: an export must not reach other files on the host.
     * A root that does not exist, or is a file, is a user error naming it.
     */
    List<StoredObject> list();

    /**
     * Streams an object listed before. A vanished object is a user error naming it; a changed one either
     * fails the same way or streams the new bytes (a caller that must notice compares what it reads).
     */
    InputStream open(StoredObject object) throws IOException;

    /**
     * The object at {@code object}'s path as {@link #list()} would give it now (size and identity), or empty
     * when it is gone: how a build checks that an input file is still the one it reads.
     */
    Optional<StoredObject> stat(StoredObject object);

    /** Where {@code object} is, for messages and reports. */
    default Location locationOf(StoredObject object) {
        return root().resolve(object.relativePath());
    }
}
