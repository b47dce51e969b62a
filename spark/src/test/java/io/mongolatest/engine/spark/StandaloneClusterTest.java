package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mongolatest.engine.DuckDbSql;
import io.mongolatest.DataSize;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableStore;

/** SQL through a standalone master and worker on 127.0.0.1, the work done by the worker's executor. */
@ExtendWith({StandaloneSparkCluster.class, SharedSpark.class})
class StandaloneClusterTest {
    private final SparkSession spark;
    @TempDir
    Path dir;

    StandaloneClusterTest(SparkSession spark) {
        this.spark = spark;
    }

    @Test
    void sqlRunsOnTheClustersExecutorsWithThisProjectsClasses() throws IOException {
        assertThat(spark.sparkContext().master()).startsWith("spark://127.0.0.1:");
        TableName t = new TableName("cluster_db", "t");
        try (TableStore tables = LocalTables.open(dir.resolve("warehouse"));
             EngineSession session = SparkEngine.on(spark).open(new EngineSettings(dir.resolve("engine"),
                     DataSize.ofMebibytes(256), dir.resolve("tmp"), 1, false), tables)) {
            TableChange written = session.writeTable(t, "SELECT id, CAST(id AS STRING) AS name,"
                    + " timestamp_seconds(1704067200 + id) AS ts FROM range(0, 1000, 1, 4)");
            assertThat(written.rows()).isEqualTo(1000);
            session.registerTable(t, LocalTables.commit(tables, written));
            List<Object> r = session.query("SELECT count(*), sum(id), max(ts) FROM cluster_db.t").rows().get(0);
            assertThat(r.subList(0, 2)).containsExactly(1000L, 499_500L);
            assertThat(((OffsetDateTime) r.get(2)).toInstant()).hasToString("2024-01-01T00:16:39Z");
            session.dropRelation("cluster_db", "t");
        }
        // Tasks that run the project's own code: the core's SQL quoting, with the core's Jackson.
        List<String> quoted = spark.range(3).map(new Quote(), Encoders.STRING()).collectAsList();
        assertThat(quoted).containsExactly("'0''s'", "'1''s'", "'2''s'");
        assertThat(spark.sparkContext().statusTracker().getExecutorInfos()).as("the driver and the worker's executor")
                .hasSizeGreaterThanOrEqualTo(2);
        spark.sql("DROP DATABASE IF EXISTS cluster_db CASCADE");
    }

    /** Runs in the executors, which load it, the core and Jackson from what the application ships. */
    static final class Quote implements MapFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(Long id) throws Exception {
            String text = new ObjectMapper().readValue("\"" + id + "'s\"", String.class);
            return DuckDbSql.literal(text);
        }
    }
}
