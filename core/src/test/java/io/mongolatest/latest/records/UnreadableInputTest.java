package io.mongolatest.latest.records;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.storage.InputStore;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StoredObject;

/**
 * An input file the system refuses to open says "permission denied", not the bare path Java's exception
 * carries. The tests run as root, whom no file mode refuses, so the store here answers as the JDK does for a
 * file its user may not read: with an {@link AccessDeniedException} naming the path.
 */
class UnreadableInputTest {
    @Test
    void aFileThatMayNotBeReadSaysPermissionDenied() {
        Snapshot snapshot = new Snapshot(SnapshotType.FULL, "2024-03-01_00-00-00", LocalDateTime.of(2024, 3, 1, 0, 0));
        InputFile file = new InputFile(snapshot, new StoredObject("full/2024-03-01_00-00-00/db/c/a.json", 10, "x"));
        assertThatThrownBy(() -> InputLines.openBytes(new RefusingStore(), file).close())
                .isInstanceOf(MongoLatestException.class)
                .hasMessage("cannot read input file full/2024-03-01_00-00-00/db/c/a.json: permission denied");
    }

    /** A store whose every object exists and may not be read. */
    private static final class RefusingStore implements InputStore {
        private final LocalLocation root = LocalLocation.of(Path.of("/exports"));

        @Override
        public Location root() {
            return root;
        }

        @Override
        public List<StoredObject> list() {
            return List.of();
        }

        @Override
        public InputStream open(StoredObject object) throws AccessDeniedException {
            throw new AccessDeniedException(root.path().resolve(object.relativePath()).toString());
        }

        @Override
        public Optional<StoredObject> stat(StoredObject object) {
            return Optional.of(object);
        }
    }
}
