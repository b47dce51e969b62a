package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
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
 * The product's SQL on Spark: a confined session refuses every statement form that reads or writes a file of the
 * host, reads a table it was not confined to, loads code or changes a setting, in one line, and runs queries and
 * views over its tables as before; an
 * error of Spark that quotes a document's value (ANSI casts) says it masked.
 */
@ExtendWith(SharedSpark.class)
class SparkConfinedSqlTest {
    private final SparkSession spark;

    @TempDir
    Path dir;

    SparkConfinedSqlTest(SparkSession spark) {
        this.spark = spark;
    }

    private TableStore tables;

    @AfterEach
    void dropDatabase() {
        spark.sql("DROP DATABASE IF EXISTS confined CASCADE");
        tables.close();
    }

    /** A session with two tables of the warehouse, confined to one: {@code confined.people}. */
    private EngineSession confinedSession() {
        tables = LocalTables.open(dir.resolve("warehouse"));
        EngineSession s = SparkEngine.on(spark).open(new EngineSettings(dir.resolve("engine"),
                DataSize.ofMebibytes(256), dir.resolve("tmp"), 1, false), tables);
        TableName people = new TableName("confined", "people");
        TableName other = new TableName("confined", "other");
        s.registerTable(people, LocalTables.commit(tables, s.writeTable(people, "SELECT 1 AS id, 'AB000000A' AS nino")));
        s.registerTable(other, LocalTables.commit(tables, s.writeTable(other, "SELECT 2 AS id")));
        s.confine(List.of(people));
        return s;
    }

    @Test
    void statementsReachingBeyondTheTablesAreRefusedInOneLine() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.json"), "{\"secret\":\"s3cr3t\"}\n");
        String o = outside.toString();
        EngineSession s = confinedSession();
        List<List<String>> refused = List.of(
                List.of("SELECT * FROM json.`" + o + "/secret.json`", "reads or writes outside the warehouse"),
                List.of("SELECT * FROM confined.other", "reads a table the product's SQL may not read here"),
                List.of("SELECT * FROM spark_catalog.confined.other", "reads a table the product's SQL may not"),
                List.of("CREATE VIEW confined.w AS SELECT p.id FROM confined.people p JOIN `mongo_latest`.confined"
                        + ".other o ON p.id = o.id", "reads a table the product's SQL may not read here"),
                List.of("select * from JSON.`file://" + o + "/secret.json`", "reads or writes outside the warehouse"),
                List.of("CREATE OR REPLACE VIEW confined.v AS SELECT * FROM text.`" + o + "`",
                        "reads or writes outside the warehouse"),
                List.of("CREATE TEMPORARY VIEW t USING json OPTIONS (path '" + o + "')",
                        "reads or writes outside the warehouse"),
                List.of("CREATE TABLE confined.t USING json LOCATION '" + o + "'",
                        "reads or writes outside the warehouse"),
                List.of("CREATE TABLE confined.c AS SELECT * FROM confined.people",
                        "reads or writes outside the warehouse"),
                List.of("LOAD DATA LOCAL INPATH '" + o + "/secret.json' INTO TABLE confined.people",
                        "reads or writes outside the warehouse"),
                List.of("INSERT OVERWRITE DIRECTORY '" + o + "/out' USING json SELECT * FROM confined.people",
                        "reads or writes outside the warehouse"),
                List.of("CREATE DATABASE elsewhere LOCATION '" + o + "/db'", "reads or writes outside the warehouse"),
                List.of("ADD JAR '" + o + "/x.jar'", "loads an extension"),
                List.of("CREATE FUNCTION f AS 'x.Y' USING JAR '" + o + "/x.jar'", "loads an extension"),
                List.of("SET spark.sql.runSQLOnFiles = true", "changes a setting"),
                List.of("RESET", "changes a setting"),
                List.of("SELECT java_method('java.lang.System', 'getProperty', 'user.home')", "runs Java code"),
                List.of("SELECT id FROM confined.people WHERE EXISTS (SELECT reflect('java.lang.System', 'getenv',"
                        + " 'HOME'))", "runs Java code"));
        List<String> wrong = new java.util.ArrayList<>();
        for (List<String> r : refused) {
            try {
                s.execute(r.get(0));
                wrong.add(r.get(0) + " -> ran");
            } catch (SqlFailure e) {
                if (!e.getMessage().startsWith(r.get(1)) || e.getMessage().contains("\n")) {
                    wrong.add(r.get(0) + " -> " + e.getMessage());
                }
            }
        }
        assertThat(wrong).as("statements not refused as they should be").isEmpty();
        assertThatThrownBy(() -> s.query("SELECT * FROM json.`" + o + "/secret.json`")).isInstanceOf(SqlFailure.class)
                .hasMessageStartingWith("reads or writes outside the warehouse");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).as("nothing written outside").containsExactly(outside.resolve("secret.json"));
        }

        assertThatThrownBy(() -> s.writeTable(new TableName("confined", "copy"), "SELECT * FROM json.`" + o
                + "/secret.json`")).isInstanceOf(SqlFailure.class)
                .hasMessageStartingWith("reads or writes outside the warehouse");
        assertThat(s.query("SELECT nino FROM mongo_latest.confined.people").single()).isEqualTo("AB000000A");
        s.execute("CREATE OR REPLACE VIEW confined.v AS SELECT id FROM confined.people");
        assertThat(s.query("SELECT count(*) FROM confined.v").single()).isEqualTo(1L);
        s.execute("DROP VIEW confined.v");
    }

    @Test
    void aValueQuotedBySparksErrorIsMasked() {
        EngineSession s = confinedSession();
        assertThatThrownBy(() -> s.query("SELECT CAST(nino AS INT) FROM confined.people"))
                .isInstanceOf(SqlFailure.class).hasMessageContaining("CAST_INVALID_INPUT")
                .hasMessageContaining("'…'").satisfies(e -> assertThat(e.getMessage()).doesNotContain("AB000000A"));
    }
}
