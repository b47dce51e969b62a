package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesASyntheticExport() {
        CliRun r = CliRun.of("generate", "--out", dir.resolve("in").toString(), "--docs", "500", "--seed", "9",
                "--export-date", "2024-03-04", "--bad-fraction", "0.01", "--state-dir", dir.resolve("state").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("  writing 500 documents in ").contains("23 of 23 files written")
                .contains("\nwrote 500 documents, ").contains("snapshots: full/2024-03-01_01-00-00, "
                + "incremental/2024-03-02_01-00-00, incremental/2024-03-03_01-00-00, incremental/2024-03-04_01-00-00");
        assertThat(dir.resolve("in/full/2024-03-01_01-00-00/core/statement/part-00000.jsonl.gz")).isRegularFile();
    }

    @Test
    void userErrorsAreOneLineAndExitTwo() {
        CliRun again = CliRun.of("generate", "--out", dir.toString(), "--docs", "5", "--export-date", "2024-13-01",
                "--state-dir", dir.resolve("state").toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: invalid export date '2024-13-01': no such day" + System.lineSeparator());
        CliRun negative = CliRun.of("generate", "--out", dir.resolve("x").toString(), "--docs", "-1", "--state-dir",
                dir.resolve("state").toString());
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err().lines()).singleElement().asString().contains("--docs");
    }
}
