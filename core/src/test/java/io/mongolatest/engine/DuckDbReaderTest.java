package io.mongolatest.engine;

import java.util.Map;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.LocalTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.MongoLatestException;

class DuckDbReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsParquetTablesWhileAWriterHoldsTheCatalogAndRefusesAnythingButQueries() throws Exception {
        EngineSettings settings = new EngineSettings(dir, DataSize.ofMebibytes(256), dir.resolve("tmp"), 1, false);
        try (TableStore tables = LocalTables.open(dir);
             EngineSession writer = new DuckDbEngine().open(settings, tables)) {
            TableName t = new TableName("db", "t");
            long snapshot = LocalTables.commit(tables, writer.writeTable(t, "SELECT 1 AS a, '{\"k\": \"v\"}' AS j"));
            try (EngineSession reader = new DuckDbEngine().openReader(settings, tables, Map.of(t, snapshot))) {
                assertThat(reader.query("SELECT a, get_json_object(j, '$.k') AS k FROM db.t").rows())
                        .containsExactly(List.of(1, "v"));
                assertThat(reader.query("DESCRIBE db.t").rows()).hasSize(2);
                for (String refused : new String[] {"COPY (SELECT 1) TO '" + dir.resolve("x.csv") + "'",
                    "CREATE TABLE x AS SELECT 1", "SET threads = 1", "SELECT 1; SELECT 2", "ATTACH 'x.db'",
                    "DROP VIEW db.t"}) {
                    assertThatThrownBy(() -> reader.query(refused)).as(refused).isInstanceOf(MongoLatestException.class)
                            .hasMessageStartingWith("only a single read-only query is allowed here");
                }
                assertThatThrownBy(() -> reader.execute("SELECT 1")).hasMessageContaining("read-only");
                assertThat(dir.resolve("x.csv")).doesNotExist();
            }
        }
    }
}
