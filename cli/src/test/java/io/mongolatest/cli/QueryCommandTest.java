package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.latest.KeptState;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableStore;

class QueryCommandTest {
    @TempDir
    Path dir;
    Path warehouse;

    @BeforeEach
    void publishATable() {
        warehouse = dir.resolve("wh");
        commit(new TableName("ucs_latest_redacted", "people"));
    }

    private void commit(TableName t) {
        try (TableStore tables = LocalTables.open(warehouse);
             EngineSession s = new DuckDbEngine().open(new EngineSettings(warehouse, DataSize.ofMebibytes(128),
                dir.resolve("tmp"), 1, false), tables)) {
            s.registerTable(t, LocalTables.commit(tables, s.writeTable(t, "SELECT * FROM (VALUES (1, 'Ann, \"A\"',"
                    + " 2.50::DECIMAL(18,2)), (2, NULL, 3.00::DECIMAL(18,2))) AS p(id, name, amount)")));
        }
    }

    private CliRun query(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "query";
        args[1] = "--warehouse";
        args[2] = warehouse.toString();
        args[3] = "--state-dir";
        args[4] = dir.resolve("state").toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return CliRun.of(args);
    }

    @Test
    void printsATable() {
        CliRun r = query("SELECT * FROM ucs_latest_redacted.people ORDER BY id");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("id | name     | amount", "---+----------+-------",
                "1  | Ann, \"A\" | 2.50", "2  | NULL     | 3.00", "(2 rows)");
    }

    @Test
    void printsCsvAndJson() {
        assertThat(query("--format", "csv", "SELECT * FROM ucs_latest_redacted.people ORDER BY id").out())
                .isEqualTo("id,name,amount\r\n1,\"Ann, \"\"A\"\"\",2.50\r\n2,,3.00\r\n");
        assertThat(query("--format", "json", "SELECT * FROM ucs_latest_redacted.people ORDER BY id").out().lines())
                .containsExactly("[", "{\"id\":1,\"name\":\"Ann, \\\"A\\\"\",\"amount\":2.50},",
                        "{\"id\":2,\"name\":null,\"amount\":3.00}", "]");
    }

    @Test
    @SuppressWarnings("try") // the writer is only held open
    void worksWhileAWriterHoldsTheCatalog() {
        try (TableStore tables = LocalTables.open(warehouse);
             EngineSession writer = new DuckDbEngine().open(new EngineSettings(warehouse, DataSize.ofMebibytes(128),
                dir.resolve("tmp"), 1, false), tables)) {
            CliRun r = query("SELECT count(*) AS n FROM ucs_latest_redacted.people");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines()).containsExactly("n", "-", "2", "(1 row)");
        }
    }

    @Test
    void refusesToChangeAnythingWithOneLine() {
        CliRun r = query("COPY (SELECT 1) TO '" + dir.resolve("out.csv") + "'");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("error: only a single read-only query is allowed here");
        assertThat(dir.resolve("out.csv")).doesNotExist();
        CliRun missing = CliRun.of("query", "--warehouse", dir.resolve("nope").toString(), "--state-dir",
                dir.resolve("state").toString(), "SELECT 1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: no warehouse at ");
        CliRun badSql = query("SELECT * FROM nowhere");
        assertThat(badSql.exitCode()).isEqualTo(2);
        assertThat(badSql.err().lines()).singleElement().asString().startsWith("error: Catalog Error");
    }

    @Test
    void theStateABuildKeepsForItselfIsNotReadable() {
        commit(new TableName(KeptState.DATABASE, "core_todo"));
        CliRun r = query("SELECT count(*) FROM " + KeptState.DATABASE + ".core_todo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ").contains("core_todo").doesNotContain("\n");
        assertThat(query("SELECT count(*) AS n FROM ucs_latest_redacted.people").out()).contains("2");
    }

    @Test
    void readsThePublishedTablesAndNothingElseOnTheHost() throws Exception {
        java.nio.file.Files.writeString(warehouse.resolve("secret.txt"), "not a table");
        for (String sql : new String[] {"SELECT * FROM read_text('/etc/hostname')",
                "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM glob('/root/*')",
                "SELECT * FROM read_csv('https://example.com/data.csv')",
                "SELECT * FROM read_text('" + warehouse.resolve("secret.txt") + "')",
                "SELECT * FROM read_text('" + warehouse.resolve("catalog.duckdb") + "')"}) {
            CliRun r = query(sql);
            assertThat(r.exitCode()).as(sql + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines()).as(sql).singleElement().asString()
                    .startsWith("error: only the warehouse's published tables can be read here");
        }
        CliRun ok = query("SELECT count(*) AS n FROM ucs_latest_redacted.people");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out().lines()).containsExactly("n", "-", "2", "(1 row)");
    }

    /**
     * DuckDB lets a session read its temp folder whatever else it refuses: the state folder's scratch files (the
     * input a step decompressed), spill files, ledger and log, and the warehouse's quarantine and run records,
     * are as out of reach as any file of the host, by every function that reads or lists files.
     */
    @Test
    void theStateFolderAndTheFilesBesideTheTablesAreNotReadable() throws Exception {
        Path state = dir.resolve("state");
        Path scratch = java.nio.file.Files.createDirectories(state.resolve("tmp/build-1"));
        java.nio.file.Files.writeString(scratch.resolve("input.json"), "{\"_id\":\"secret\"}\n");
        java.nio.file.Files.createDirectories(state.resolve("spill"));
        java.nio.file.Files.writeString(state.resolve("spill/duckdb_temp_storage-0.tmp"), "spilled");
        java.nio.file.Files.writeString(state.resolve("ledger.db"), "ledger");
        java.nio.file.Files.createDirectories(warehouse.resolve("quarantine/core/claimant"));
        java.nio.file.Files.writeString(warehouse.resolve("quarantine/core/claimant/bad.json"), "{\"nino\":1}\n");
        java.nio.file.Files.createDirectories(warehouse.resolve(".runs"));
        java.nio.file.Files.writeString(warehouse.resolve(".runs/run-1.json"), "{}");
        assertThat(query("SELECT 1 AS one").exitCode()).isZero(); // the log file exists from here on
        java.util.List<String> files = java.util.List.of(scratch.resolve("input.json").toString(),
                state.resolve("tmp").toString() + "/*", state.resolve("tmp").toString() + "/**",
                state.resolve("spill/duckdb_temp_storage-0.tmp").toString(), state.resolve("ledger.db").toString(),
                state.resolve("logs/mongo-latest.log").toString(),
                warehouse.resolve("quarantine/core/claimant/bad.json").toString(),
                warehouse.resolve(".runs/run-1.json").toString(), "/etc/hostname");
        for (String file : files) {
            for (String function : new String[] {"read_text", "glob", "read_csv", "read_parquet", "read_json"}) {
                String sql = "SELECT * FROM " + function + "('" + file + "')";
                CliRun r = query(sql);
                assertThat(r.exitCode()).as(sql + ": " + r.out() + r.err()).isEqualTo(2);
                assertThat(r.err().lines()).as(sql).singleElement().asString()
                        .startsWith("error: only the warehouse's published tables can be read here");
            }
        }
        CliRun ok = query("SELECT count(*) AS n FROM ucs_latest_redacted.people");
        assertThat(ok.out().lines()).containsExactly("n", "-", "2", "(1 row)");
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(state.resolve("tmp"))) {
            assertThat(left).as("a query leaves no folder of its own behind").containsExactly(scratch);
        }
    }

    @Test
    void aRunawayQueryStopsAtItsTimeoutWithOneLine() {
        String runaway = "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t";
        // Bounded generously: without --timeout the query runs until it is killed.
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> query("--timeout", "1s", runaway));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("error: query stopped after 1s: --timeout reached");
        assertThat(r.out()).isEmpty();
        CliRun quick = query("--timeout", "30s", "SELECT count(*) AS n FROM ucs_latest_redacted.people");
        assertThat(quick.exitCode()).as(quick.err()).isZero();
        assertThat(quick.out().lines()).containsExactly("n", "-", "2", "(1 row)");
        CliRun zero = query("--timeout", "0s", "SELECT 1");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err().lines()).singleElement().asString().contains("--timeout must be more than 0");
    }
}
