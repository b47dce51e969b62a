package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state folder whose log cannot be written (read-only, or, as here, with a file where the log's folder should
 * be: chmod would not stop the tests' root user) still lets the commands that only read work: status, report and
 * query log to the terminal instead, and query runs without a spill folder. A run still refuses to start without
 * its log.
 */
class UnwritableLogTest {
    @TempDir
    static Path dir;

    private static Path state;
    private static Path broken;
    private static String ledger;
    private static Path warehouse;

    /**
     * A run with a state folder of its own; the commands below are given another one, whose log cannot be
     * written, and the run's ledger.
     */
    @BeforeAll
    static void runOnceThenBreakTheLog() throws IOException {
        state = dir.resolve("state");
        broken = dir.resolve("broken");
        ledger = "sqlite:" + state.resolve("ledger.db");
        warehouse = dir.resolve("warehouse");
        CliRun.generate(dir.resolve("input"), 200, 3, state);
        CliRun run = CliRun.of(runArgs(state));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("logs"), "a file where the log's folder should be");
        Files.writeString(broken.resolve("tmp"), "a file where query's spill folder should be");
    }

    private static String[] runArgs(Path stateDir) {
        return new String[] {"run", "--correlation-id", "ro-1", "--export-date", "2026-11-20", "--input",
                dir.resolve("input").toString(), "--warehouse", warehouse.toString(), "--state-dir",
                stateDir.toString(), "--ledger", ledger, "--memory", "256MB", "--threads", "1"};
    }

    @Test
    void statusReportAndQueryWork() {
        CliRun status = CliRun.of("status", "--state-dir", broken.toString(), "--ledger", ledger);
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("ro-1", "COMPLETED");
        CliRun report = CliRun.of("report", "--correlation-id", "ro-1", "--state-dir", broken.toString(),
                "--ledger", ledger);
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("ro-1", "COMPLETED");
        CliRun query = CliRun.of("query", "--warehouse", warehouse.toString(), "--state-dir", broken.toString(),
                "SELECT count(*) > 0 AS rows FROM ucs_latest_redacted.core_contract");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).contains("true");
    }

    @Test
    void aRunStillNeedsItsLog() {
        CliRun run = CliRun.of(runArgs(broken));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: cannot write the log ").doesNotContain("\n");
    }
}
