package io.mongolatest.engine;

import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.LocalTables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

/** A full disk is named as such, with the file and its file system, not as DuckDB's raw JSON error. */
class DuckDbDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskNamesTheFileItCouldNotWrite() throws Exception {
        Path table = Files.createDirectories(dir.resolve("table"));
        // Writes to /dev/full fail with ENOSPC, as on a disk that has filled up.
        Files.createSymbolicLink(table.resolve("part-0.parquet"), Path.of("/dev/full"));
        try (TableStore tables = LocalTables.open(dir.resolve("wh"));
             EngineSession s = new DuckDbEngine().open(new EngineSettings(dir.resolve("wh"), DataSize.ofMebibytes(256),
                dir.resolve("tmp"), 1, false), tables)) {
            // Any statement's failure is read the same way; a table's data file has a name of its own, so the
            // full disk is a file a COPY writes.
            assertThatThrownBy(() -> s.execute("COPY (SELECT range AS x FROM range(100000)) TO '"
                    + table.resolve("part-0.parquet") + "' (FORMAT parquet)"))
                    .isInstanceOfSatisfying(MongoLatestException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
                    .hasMessageStartingWith("disk full: cannot write " + table.resolve("part-0.parquet"))
                    .hasMessageContaining("No space left on device")
                    .hasMessageNotContaining("exception_type").hasMessageNotContaining("\n");
        }
    }
}
