package io.mongolatest.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.Spill;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.storage.StoredObject;

/** When the build's scratch copy of the input cannot be written, the scratch disk is blamed, not the input. */
class ScratchDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullScratchDiskIsNamedAsSuch() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Files.createSymbolicLink(scratch.resolve("0.plain"), Path.of("/dev/full"));
        Snapshot snapshot = new Snapshot(SnapshotType.FULL, "2024-03-01_00-00-00", LocalDateTime.of(2024, 3, 1, 0, 0));
        InputFile file = new InputFile(snapshot, new StoredObject("full/2024-03-01_00-00-00/core/x/a.json.gz", 10, "10@0"));
        try (Spill spill = new Spill(scratch)) {
            InputStream in = spill.tee(0, file, new ByteArrayInputStream(new byte[3 << 20]));
            assertThatThrownBy(() -> {
                try (in) {
                    in.readAllBytes();
                }
            }).hasMessageStartingWith("disk full: cannot write " + scratch.resolve("0.plain"))
                    .hasMessageNotContaining("cannot read input file");
        }
    }
}
