package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product's SQL reaches its warehouse's tables and nothing else: a SQL file that reads or writes a file of
 * the host, loads an extension, changes a setting or attaches a database fails its step with one line naming the
 * file, and leaves nothing outside the warehouse. The default product's SQL still runs, in the same sessions.
 */
class ProductSqlConfinementTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        CliRun.generate(shared.resolve("input"), 60, 20, shared.resolve("gen-state"));
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("CREATE OR REPLACE VIEW uc_mongo_latest.host_v AS SELECT content FROM"
                        + " read_text('/etc/hostname')", "reads or writes outside the warehouse"),
                Arguments.of("COPY (SELECT * FROM uc_mongo_latest.statement_fact_v) TO '${outside}/x.csv'",
                        "reads or writes outside the warehouse"),
                Arguments.of("SELECT * FROM read_csv('${outside}/seen.csv')", "reads or writes outside the warehouse"),
                Arguments.of("SELECT * FROM glob('${outside}/*')", "reads or writes outside the warehouse"),
                Arguments.of("ATTACH '${outside}/other.duckdb' AS other", "reads or writes outside the warehouse"),
                Arguments.of("INSTALL httpfs", "loads an extension"),
                Arguments.of("LOAD httpfs", "loads an extension"),
                Arguments.of("SET threads = 1", "changes a setting"),
                Arguments.of("SET enable_external_access = true", "changes a setting"),
                Arguments.of("RESET allowed_directories", "changes a setting"));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void aStatementReachingBeyondTheWarehouseFailsItsStepInOneLine(String statement, String said) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("seen.csv"), "a,b\n1,2\n");
        Path product = dir.resolve("product");
        assertThat(CliRun.of("product", "init", product.toString()).exitCode()).isZero();
        Files.writeString(product.resolve("steps/mongo-latest-views/99_x.sql"),
                "-- reaching out\n" + statement.replace("${outside}", outside.toString()) + ";\n");

        CliRun r = CliRun.of(args("--product", product.toString()));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        List<String> lines = r.err().lines().filter(l -> l.contains("99_x.sql")).toList();
        assertThat(lines).as(r.err()).isNotEmpty().allSatisfy(l -> assertThat(l)
                .contains("mongo-latest-views/99_x.sql:2: " + said));
        assertThat(r.err()).doesNotContain("Permission Error", "\tat ");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).as("nothing written outside the warehouse").containsExactly(outside.resolve("seen.csv"));
        }
        CliRun published = CliRun.of("query", "--warehouse", dir.resolve("warehouse").toString(), "--state-dir",
                dir.resolve("state").toString(), "--format", "csv", "SELECT count(*) AS n FROM information_schema.tables"
                        + " WHERE table_schema = 'ucs_latest_unredacted'");
        assertThat(published.out().lines()).as("nothing published").containsExactly("n", "0");
    }

    @Test
    void theDefaultProductStillBuildsAndPublishesItsViews() {
        CliRun r = CliRun.of(args());
        assertThat(r.exitCode()).as(r.err()).isZero();
        CliRun q = CliRun.of("query", "--warehouse", dir.resolve("warehouse").toString(), "--state-dir",
                dir.resolve("state").toString(), "--format", "csv",
                "SELECT count(*) AS n FROM ucs_latest_unredacted.statement_fact_v");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.out()).startsWith("n");
    }

    private String[] args(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("run", "--correlation-id", "confined-1", "--export-date",
                "2026-11-20", "--input", shared.resolve("input").toString(), "--warehouse",
                dir.resolve("warehouse").toString(), "--state-dir", dir.resolve("state").toString(), "--memory", "512MB",
                "--threads", "1"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }
}
