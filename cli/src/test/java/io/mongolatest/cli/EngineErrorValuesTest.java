package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view that fails to cast a document's value (a national insurance number) to a number: the engine's error
 * quotes the value, which shows nowhere but in the private log file, and there once. The terminal, the ledger's
 * Error, the report and the audit table say the error with the value masked. The run is a process of its own, so
 * that everything it prints and logs is seen.
 */
class EngineErrorValuesTest {
    private static final Pattern NINO = Pattern.compile("[A-Z]{2}[0-9]{6}[A-Z]");

    @TempDir
    Path dir;

    @Test
    void aValueQuotedByTheEnginesErrorIsMaskedEverywhereButTheLogWhichHasItOnce() throws Exception {
        CliRun.generate(dir.resolve("input"), 60, 21, dir.resolve("gen-state"));
        Path product = dir.resolve("product");
        assertThat(CliRun.of("product", "init", product.toString()).exitCode()).isZero();
        Files.writeString(product.resolve("steps/mongo-latest-views/99_nino.sql"),
                "CREATE OR REPLACE VIEW uc_mongo_latest.nino_v AS\n"
                        + "SELECT CAST(get_json_object(p.val, '$.nino') AS INT) AS nino\n"
                        + "FROM uc_mongo_latest.core_claimant p;\n");
        String state = dir.resolve("state").toString();
        String warehouse = dir.resolve("warehouse").toString();

        ChildRun run = ChildRun.start(dir, "run", "run", "--correlation-id", "nino-1", "--export-date", "2026-11-20",
                "--input", dir.resolve("input").toString(), "--warehouse", warehouse, "--state-dir", state,
                "--product", product.toString(), "--memory", "512MB", "--threads", "1");

        assertThat(run.await(180)).as(run.err()).isEqualTo(1);
        String log = Files.readString(dir.resolve("state/logs/mongo-latest.log"), StandardCharsets.UTF_8);
        Matcher quoted = Pattern.compile("Could not convert string '(" + NINO.pattern() + ")' to INT32").matcher(log);
        assertThat(quoted.find()).as("the log has the engine's own message: %s", log).isTrue();
        String value = quoted.group(1);
        assertThat(count(log, value)).as("the value in the log").isEqualTo(1);

        String terminal = run.out() + run.err();
        assertThat(terminal).contains("Could not convert string '…' to INT32");
        assertThat(NINO.matcher(terminal).find()).as(terminal).isFalse();

        CliRun status = CliRun.of("status", "--correlation-id", "nino-1", "--json", "--state-dir", state);
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Could not convert string '…' to INT32").doesNotContain(value);
        CliRun report = CliRun.of("report", "--correlation-id", "nino-1", "--state-dir", state);
        assertThat(report.out() + report.err()).contains("'…'").doesNotContain(value);
        CliRun audit = CliRun.of("query", "--warehouse", warehouse, "--state-dir", state, "--format", "csv",
                "SELECT * FROM audit.data_pipeline_metadata");
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("nino-1").doesNotContain(value);
    }

    private static int count(String text, String value) {
        int n = 0;
        for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
            n++;
        }
        return n;
    }
}
