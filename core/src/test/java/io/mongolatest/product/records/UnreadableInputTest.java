package io.mongolatest.product.records;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;
import io.mongolatest.product.input.InputFile;
import io.mongolatest.product.input.Snapshot;
import io.mongolatest.product.input.SnapshotType;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StoredObject;
import io.mongolatest.storage.local.LocalInputStore;

/**
 * An input file the system refuses to open says "permission denied", not the bare path Java's exception
 * carries. The tests run as root, who may read any file whatever its mode, so this opens a file that even
 * root may not open for reading: a write-only attribute of the kernel.
 */
class UnreadableInputTest {
    @Test
    void aFileThatMayNotBeReadSaysPermissionDenied() {
        Path writeOnly = Path.of("/sys/bus/pci/rescan");
        assumeTrue(isRefused(writeOnly), "this system has no write-only kernel attribute at " + writeOnly);
        Snapshot snapshot = new Snapshot(SnapshotType.FULL, "2024-03-01_00-00-00", LocalDateTime.of(2024, 3, 1, 0, 0));
        InputFile file = new InputFile(snapshot, new StoredObject("rescan", 4096, "x"));
        LocalInputStore store = new LocalInputStore(LocalLocation.of(writeOnly.getParent()));
        assertThatThrownBy(() -> InputLines.openBytes(store, file).close()).isInstanceOf(MongoLatestException.class)
                .hasMessage("cannot read input file rescan: permission denied");
    }

    /** Whether opening {@code p} to read is refused for want of permission. */
    private static boolean isRefused(Path p) {
        try (var in = Files.newInputStream(p)) {
            return false;
        } catch (java.nio.file.AccessDeniedException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
