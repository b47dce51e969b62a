package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.SqliteLedger;

/**
 * The default pipeline as six {@code step} processes, in pipeline order, does what one {@code run} does: the
 * same ledger row, report and tables, on a first run, after a failure and its retry, and after a step's
 * process is killed.
 */
class StepSequenceTest {
    private static final RunKey KEY = new RunKey("steps-1", "MONGO_LATEST");
    private static final List<String> STEPS = List.of("courtesy-flush", "create-mongo-latest-dbs", "mongo-latest-build",
            "mongo-latest-views", "mongo-latest-publish", "flush-pushgateway");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** The export the runs read: the shared one, unless a test needs its own. */
    private Path input;

    @BeforeAll
    static void generate() {
        CliRun.generate(shared.resolve("input"), 2000, 13, shared.resolve("gen-state"));
    }

    private String[] args(String command, Path base, String... extra) {
        Path in = input != null ? input : shared.resolve("input");
        List<String> a = new ArrayList<>(List.of(command));
        if (!command.equals("run")) {
            a.add(0, "step");
        }
        a.addAll(List.of("--correlation-id", KEY.correlationId(), "--export-date", "2026-11-20", "--input",
                in.toString(), "--warehouse", base.resolve("warehouse").toString(), "--state-dir",
                base.resolve("state").toString(), "--memory", "512MB", "--threads", "1"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Every step of the pipeline, each in a process of its own; returns their exit codes. */
    private List<Integer> stepProcesses(Path base, String... extra) throws Exception {
        List<Integer> codes = new ArrayList<>();
        for (String step : STEPS) {
            ChildRun child = ChildRun.start(base, "step-" + step + "-" + System.nanoTime(), args(step, base, extra));
            codes.add(child.await(120));
        }
        return codes;
    }

    /**
     * Every step of the pipeline, each a command of its own in this JVM: what passes from one step to the
     * next goes through the ledger and the warehouse as between processes (no state outlives a command), at a
     * fraction of the cost of a JVM per step; the first test shows it with real processes.
     */
    private List<Integer> steps(Path base, String... extra) {
        List<Integer> codes = new ArrayList<>();
        for (String step : STEPS) {
            CliRun r = CliRun.of(args(step, base, extra));
            codes.add(r.exitCode());
        }
        return codes;
    }

    @Test
    void sixStepProcessesDoWhatOneRunDoes() throws Exception {
        Path run = dir.resolve("run");
        Path steps = dir.resolve("steps");
        assertThat(CliRun.of(args("run", run)).exitCode()).isZero();
        assertThat(stepProcesses(steps)).containsOnly(0);
        assertSame(run, steps);
    }

    @Test
    void aFailureAndItsRetryAsStepsLeaveWhatRunsLeave() throws Exception {
        Path product = dir.resolve("product");
        assertThat(CliRun.of("product", "init", product.toString()).exitCode()).isZero();
        Path failing = product.resolve("steps/mongo-latest-views/99_fail.sql");
        Files.writeString(failing, "SELECT * FROM missing_table_injected;");
        Path run = dir.resolve("run");
        Path steps = dir.resolve("steps");
        assertThat(CliRun.of(args("run", run, "--product", product.toString())).exitCode()).isEqualTo(1);
        assertThat(steps(steps, "--product", product.toString()))
                .as("views fails; publish does nothing; the always step runs").containsExactly(0, 0, 0, 1, 0, 0);
        assertSame(run, steps);

        Files.delete(failing);
        assertThat(CliRun.of(args("run", run, "--product", product.toString())).exitCode()).isZero();
        assertThat(steps(steps, "--product", product.toString())).containsOnly(0);
        assertSame(run, steps);
        assertThat(row(steps).runId()).isEqualTo(2);
    }

    @Test
    void aKilledBuildProcessIsResumedByTheNextSequence() throws Exception {
        Path run = dir.resolve("run");
        Path steps = dir.resolve("steps");
        ChildRun doomedRun = ChildRun.start(run, "doomed", args("run", run));
        new ChildLedger(run.resolve("state/ledger.db"), KEY).killWhileRunning(doomedRun, "mongo-latest-build");
        assertThat(CliRun.of(args("run", run)).exitCode()).isZero();

        // Processes here: a step of this JVM would leave the run held by a live runner, which the killed
        // build could not take over.
        for (String step : STEPS.subList(0, 2)) {
            assertThat(ChildRun.start(steps, "first-" + step, args(step, steps)).await(120)).isZero();
        }
        ChildRun doomedStep = ChildRun.start(steps, "doomed-build", args("mongo-latest-build", steps));
        new ChildLedger(steps.resolve("state/ledger.db"), KEY).killWhileRunning(doomedStep, "mongo-latest-build");
        assertThat(steps(steps)).containsOnly(0);
        assertSame(run, steps);
        assertThat(row(steps).runId()).isEqualTo(2);
    }

    @Test
    void theStepsReadTheInputSelectedWhenTheAttemptBegan() throws Exception {
        input = dir.resolve("input");
        copy(shared.resolve("input"), input);
        Path steps = dir.resolve("steps");
        assertThat(CliRun.of(args(STEPS.get(0), steps)).exitCode()).isZero();
        // A file that appears after the attempt began is not part of it.
        Files.writeString(input.resolve("incremental/2026-11-20_01-00-00/core/contract/late.json"),
                "{\"_id\": \"late\", \"_lastModifiedDateTime\": \"2026-11-20T05:00:00.000Z\"}\n");
        for (String step : STEPS.subList(1, STEPS.size())) {
            assertThat(CliRun.of(args(step, steps)).exitCode()).isZero();
        }
        input = null;
        Path run = dir.resolve("run");
        assertThat(CliRun.of(args("run", run)).exitCode()).isZero();
        assertThat(WarehouseContents.read(steps.resolve("warehouse")))
                .isEqualTo(WarehouseContents.read(run.resolve("warehouse")));
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static LedgerRow row(Path base) {
        try (SqliteLedger ledger = SqliteLedger.open(base.resolve("state/ledger.db"))) {
            return ledger.read(KEY).orElseThrow();
        }
    }

    /** Ledger rows, reports and tables equal but for what names a process or a moment. */
    private void assertSame(Path run, Path steps) throws Exception {
        assertThat(comparable(row(steps))).isEqualTo(comparable(row(run)));
        assertThat(report(steps)).isEqualTo(report(run));
        assertThat(WarehouseContents.read(steps.resolve("warehouse")))
                .isEqualTo(WarehouseContents.read(run.resolve("warehouse")));
    }

    /** The two warehouses are different folders, and ${warehouse} is a parameter: its hash is left out. */
    private static String comparable(LedgerRow r) {
        return comparableWithParams(r).replaceAll("params=[0-9a-f]+", "params=*");
    }

    private static String comparableWithParams(LedgerRow r) {
        StringBuilder b = new StringBuilder();
        b.append(r.key()).append(' ').append(r.date()).append(' ').append(r.runId()).append(' ').append(r.status())
                .append(' ').append(r.currentStep()).append(' ').append(r.snapshotType()).append(' ')
                .append(r.lease()).append(' ').append(r.plan()).append('\n');
        r.steps().forEach(s -> b.append(s.name()).append(' ').append(s.status()).append(' ').append(s.rows())
                .append(' ').append(s.error()).append(' ').append(s.fingerprint()).append(' ').append(s.detail())
                .append('\n'));
        r.attempts().forEach(a -> b.append("attempt ").append(a.runId()).append(' ').append(a.status()).append(' ')
                .append(a.currentStep()).append(' ').append(a.steps().stream().map(s -> s.name() + "=" + s.status())
                        .toList()).append('\n'));
        return b.toString();
    }

    /** {@code report --format json}, without times, durations, the ids of the processes and the warehouse folder. */
    private JsonNode report(Path base) throws Exception {
        CliRun r = CliRun.of("report", "--correlation-id", KEY.correlationId(), "--format", "json", "--state-dir",
                base.resolve("state").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        strip(doc);
        return doc;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
                if (k.contains("started") || k.contains("ended") || k.contains("updated") || k.contains("duration")
                        || k.contains("cluster") || k.contains("lease") || k.contains("expires")
                        || k.contains("analytical_dataset")) {
                    it.remove();
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(StepSequenceTest::strip);
        }
    }
}
