package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.TableVersion;
import io.mongolatest.storage.local.LocalWarehouse;

/**
 * A session of a warehouse finds what earlier sessions, in any process, left there: the current tables, and
 * the views as their statements last made them; nothing of another warehouse.
 */
@ExtendWith(SharedSpark.class)
class WarehouseCatalogTest {
    private final SparkEngine engine;
    @TempDir
    Path dir;

    WarehouseCatalogTest(SparkSession spark) {
        this.engine = SparkEngine.on(spark);
    }

    private EngineSession open(Path warehouse) {
        return engine.open(new EngineSettings(warehouse, io.mongolatest.DataSize.ofMebibytes(512),
                dir.resolve("tmp"), 1, false));
    }

    @Test
    void aTableWithColumnsThatCannotBeNullIsRegisteredFromItsFooter() throws Exception {
        try (EngineSession s = open(dir.resolve("warehouse"))) {
            Path files = Files.createDirectories(dir.resolve("counted"));
            assertThat(s.writeParquet("SELECT count(*) AS n, max(id) AS top FROM range(5)", files)).isEqualTo(1);
            s.registerParquetTable("db_b", "counted", files);
            assertThat(s.query("SELECT n, top FROM db_b.counted").rows()).containsExactly(java.util.List.of(5L, 4L));
        }
    }

    @Test
    void viewsAndTablesComeBackInANewSessionAsTheyWereLastMade() throws Exception {
        Path wh = dir.resolve("warehouse");
        LocalWarehouse warehouse = new LocalWarehouse(wh, java.time.Clock.systemUTC());
        TableName t = new TableName("db_a", "numbers");
        try (EngineSession s = open(wh)) {
            TableVersion v = warehouse.newVersion(t);
            s.writeParquet("SELECT id FROM range(5)", v.location());
            warehouse.commit("db_a", java.util.Map.of("numbers", v));
            s.registerParquetTable("db_a", "numbers", warehouse.tableLocation(t));
            s.execute("CREATE VIEW db_a.small AS SELECT id FROM db_a.numbers WHERE id < 2");
            s.execute("CREATE VIEW db_a.gone AS SELECT id FROM db_a.numbers");
            s.execute("CREATE OR REPLACE VIEW db_a.small AS SELECT id FROM db_a.numbers WHERE id < 3");
            s.execute("CREATE VIEW IF NOT EXISTS db_a.small AS SELECT id FROM db_a.numbers WHERE id < 4");
            s.dropRelation("db_a", "gone");
            s.execute("CREATE TEMPORARY VIEW session_only AS SELECT 1 AS one");
        }
        try (EngineSession other = open(dir.resolve("other"))) {
            assertThat(other.relations("db_a")).as("another warehouse's catalog").isEmpty();
        }
        try (EngineSession s = open(wh)) {
            assertThat(s.relations("db_a")).containsExactly("numbers", "small");
            assertThat(s.query("SELECT count(*) FROM db_a.small").single()).isEqualTo(3L);
            assertThat(Files.readString(wh.resolve(SparkCatalog.FILE))).doesNotContain("session_only")
                    .doesNotContain("id < 2").doesNotContain("id < 4");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.query("SELECT * FROM session_only")))
                    .isInstanceOf(SqlFailure.class);
        }
    }
}
