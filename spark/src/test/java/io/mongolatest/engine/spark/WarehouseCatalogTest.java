package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableStore;

/**
 * A session of a warehouse finds what earlier sessions, in any process, left there: the tables at the snapshots
 * readers read, and the views as their statements last made them; nothing of another warehouse.
 */
@ExtendWith(SharedSpark.class)
class WarehouseCatalogTest {
    private final SparkEngine engine;
    @TempDir
    Path dir;

    WarehouseCatalogTest(SparkSession spark) {
        this.engine = SparkEngine.on(spark);
    }

    private EngineSession open(TableStore tables) {
        return engine.open(new EngineSettings(dir.resolve("engine"), DataSize.ofMebibytes(512), dir.resolve("tmp"), 1,
                false), tables);
    }

    @Test
    void aTableWithColumnsThatCannotBeNullIsWrittenWithOptionalColumnsAndReadBack() {
        TableName t = new TableName("db_b", "counted");
        try (TableStore tables = LocalTables.open(dir.resolve("warehouse")); EngineSession s = open(tables)) {
            long snapshot = LocalTables.commit(tables,
                    s.writeTable(t, "SELECT count(*) AS n, max(id) AS top FROM range(5)"));
            assertThat(tables.snapshot(t, snapshot).orElseThrow().schema().columns())
                    .allMatch(c -> c.isOptional());
            s.registerTable(t, snapshot);
            assertThat(s.query("SELECT n, top FROM db_b.counted").rows()).containsExactly(List.of(5L, 4L));
        }
    }

    @Test
    void viewsAndTablesComeBackInANewSessionAsTheyWereLastMade() throws Exception {
        Path wh = dir.resolve("warehouse");
        TableName t = new TableName("db_a", "numbers");
        try (TableStore tables = LocalTables.open(wh); EngineSession s = open(tables)) {
            s.registerTable(t, LocalTables.commit(tables, s.writeTable(t, "SELECT id FROM range(5)")));
            s.execute("CREATE VIEW db_a.small AS SELECT id FROM db_a.numbers WHERE id < 2");
            s.execute("CREATE VIEW db_a.gone AS SELECT id FROM db_a.numbers");
            s.execute("CREATE OR REPLACE VIEW db_a.small AS SELECT id FROM db_a.numbers WHERE id < 3");
            s.execute("CREATE VIEW IF NOT EXISTS db_a.small AS SELECT id FROM db_a.numbers WHERE id < 4");
            s.dropRelation("db_a", "gone");
            s.execute("CREATE TEMPORARY VIEW session_only AS SELECT 1 AS one");
        }
        try (TableStore other = LocalTables.open(dir.resolve("other")); EngineSession s = open(other)) {
            assertThat(s.relations("db_a")).as("another warehouse's catalog").isEmpty();
        }
        try (TableStore tables = LocalTables.open(wh); EngineSession s = open(tables)) {
            assertThat(s.relations("db_a")).containsExactly("numbers", "small");
            assertThat(s.query("SELECT count(*) FROM db_a.small").single()).isEqualTo(3L);
            assertThat(Files.readString(wh.resolve(SparkCatalog.FILE))).doesNotContain("session_only")
                    .doesNotContain("id < 2").doesNotContain("id < 4").as("tables are no kept views")
                    .doesNotContain("VERSION AS OF");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.query("SELECT * FROM session_only")))
                    .isInstanceOf(SqlFailure.class);
        }
    }
}
