package io.mongolatest.engine;

import java.util.Map;
import io.mongolatest.tables.LocalTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;

/**
 * Each DuckDB session spills into a folder of its own, deleted when it closes; a process killed while it held one
 * cannot delete it, so the next session made in the same temp folder removes the folders of processes that are
 * gone, and leaves those of live ones (a run while a query reads) alone.
 */
class SpillFoldersTest {
    @TempDir
    Path dir;

    @Test
    void aSessionRemovesTheSpillFoldersOfProcessesThatAreGoneAndNoOthers() throws Exception {
        Path tmp = dir.resolve("tmp");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path left = Files.createDirectories(tmp.resolve("duckdb-" + gone.pid() + "-123"));
        Files.writeString(left.resolve("duckdb_temp_storage-0.tmp"), "spilled rows");
        Path live = Files.createDirectories(tmp.resolve("duckdb-" + ProcessHandle.current().pid() + "-456"));
        Path notOurs = Files.createDirectories(tmp.resolve("other"));

        EngineSettings settings = new EngineSettings(dir.resolve("wh"), DataSize.ofMebibytes(256), tmp, 1, true);
        try (EngineSession s = new DuckDbEngine().openReader(settings, LocalTables.open(dir.resolve("wh")), Map.of())) {
            assertThat(s.query("SELECT 1").rows()).hasSize(1);
            assertThat(folders(tmp)).as("the session's own folder, the live process's and the unrelated one")
                    .hasSize(3).contains(live, notOurs).doesNotContain(left);
        }
        assertThat(folders(tmp)).containsExactlyInAnyOrder(live, notOurs);
    }

    private static List<Path> folders(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }
}
