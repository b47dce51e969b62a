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

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.SqlFailure;
import io.mongolatest.storage.LocalLocation;

/**
 * The product's SQL on Spark: a confined session refuses every statement form that reads or writes a file of the
 * host, loads code or changes a setting, in one line, and runs queries and views over its tables as before; an
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

    @AfterEach
    void dropDatabase() {
        spark.sql("DROP DATABASE IF EXISTS confined CASCADE");
    }

    private EngineSession confinedSession() throws IOException {
        EngineSession s = SparkEngine.attach(spark);
        Path table = dir.resolve("warehouse/people");
        Files.createDirectories(table);
        s.writeParquet("SELECT 1 AS id, 'AB000000A' AS nino", LocalLocation.of(table));
        s.registerParquetTable("confined", "people", LocalLocation.of(table));
        s.confine(List.of(LocalLocation.of(table)));
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

        s.execute("CREATE OR REPLACE VIEW confined.v AS SELECT id FROM confined.people");
        assertThat(s.query("SELECT count(*) FROM confined.v").single()).isEqualTo(1L);
        s.execute("DROP VIEW confined.v");
    }

    @Test
    void aValueQuotedBySparksErrorIsMasked() throws IOException {
        EngineSession s = confinedSession();
        assertThatThrownBy(() -> s.query("SELECT CAST(nino AS INT) FROM confined.people"))
                .isInstanceOf(SqlFailure.class).hasMessageContaining("CAST_INVALID_INPUT")
                .hasMessageContaining("'…'").satisfies(e -> assertThat(e.getMessage()).doesNotContain("AB000000A"));
    }
}
