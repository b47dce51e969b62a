package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.engine.WarehouseReader;
import io.mongolatest.latest.LatestBuildJob;
import io.mongolatest.ledger.StepRecord;
import io.mongolatest.ledger.StepStatus;
import io.mongolatest.pipeline.Cancellation;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.pipeline.model.StepDefinition;
import io.mongolatest.product.build.BuildReport;
import io.mongolatest.product.publish.Classification;
import io.mongolatest.product.synthetic.SyntheticExport;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.LocalTables;
import io.mongolatest.tables.TableSnapshot;
import io.mongolatest.tables.TableStore;

/** The default product's whole pipeline through the runner, on generated data. */
class MongoLatestPipelineTest {
    private static final LocalDate EXPORT_DATE = LocalDate.of(2024, 3, 4);

    @TempDir
    Path root;

    /** The engine the pipeline runs on; DuckDB unless a subclass says otherwise. */
    protected EngineUnderTest engine() {
        return EngineUnderTest.DUCKDB;
    }

    private EngineSession reader() {
        return WarehouseReader.open(new DuckDbEngine(), new EngineSettings(root.resolve("warehouse"),
                DataSize.ofMebibytes(256), root.resolve("tmp"), 1, true),
                LocalTables.open(root.resolve("warehouse")));
    }

    @Test
    void theDefaultProductRunsEndToEndAndPublishesOnlyClassifiedColumnsRedacted() throws IOException {
        SyntheticExport.write(root.resolve("input"), new SyntheticExport.Options(3000, 3, EXPORT_DATE, 0, 2));
        RunResult r = PipelineRun.run(root, engine(), "e2e", EXPORT_DATE, RunListener.NONE);
        assertThat(r.outcome()).as(r.message()).isEqualTo(RunOutcome.COMPLETED);
        StepRecord build = r.row().step("mongo-latest-build").orElseThrow();
        BuildReport report = BuildReport.fromJson(build.detail());
        assertThat(build.rows()).isEqualTo(report.totals().rows()).isPositive();
        assertThat(report.totals().loaded()).isEqualTo(3000);

        Classification classification = Classification.parse(ProductFiles.bundled().text("classification.csv"), "csv");
        try (EngineSession s = reader()) {
            assertThat(s.query("SELECT count(*) FROM ucs_latest_unredacted.statement_fact_v").single())
                    .isEqualTo(s.query("SELECT count(*) FROM uc_mongo_latest.core_statement").single());
            List<String> relations = s.query("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'ucs_latest_redacted' ORDER BY 1").rows().stream()
                    .map(x -> (String) x.get(0)).toList();
            assertThat(relations).contains("statement_fact_v", "claimant_v", "core_contract");
            for (String t : relations) {
                List<String> columns = s.query("SELECT * FROM ucs_latest_redacted." + t + " LIMIT 0").columns();
                List<String> all = s.query("SELECT * FROM ucs_latest_unredacted." + t + " LIMIT 0").columns();
                assertThat(columns).as(t).isEqualTo(classification.publishable(t, all)).doesNotContain("val");
            }
            assertThat(s.query("SELECT * FROM ucs_latest_redacted.claimant_v LIMIT 0").columns())
                    .doesNotContain("nino", "first_name", "last_name", "date_of_birth", "email", "phone");
            assertThat(s.query("SELECT Status, CurrentStep FROM audit.data_pipeline_metadata").rows())
                    .as("the audit table shows the run's final state, as the ledger does")
                    .containsExactly(List.of("COMPLETED", "flush-pushgateway"));
        }
        assertThat(leftovers()).as("no scratch files or unused versions").isEmpty();
    }

    @Test
    void aFailedBuildIsRetriedFromItsStepAndACancelledOneLeavesThePreviousTables() throws IOException {
        SyntheticExport.write(root.resolve("input"), new SyntheticExport.Options(2000, 4, EXPORT_DATE, 0.01, 2));
        RunResult failed = PipelineRun.run(root, engine(), "retry", EXPORT_DATE, RunListener.NONE);
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.row().currentStep()).isEqualTo("mongo-latest-build");
        assertThat(failed.message()).contains("input lines are bad").contains("over --max-bad-fraction 0.001");

        removeBadLines(root.resolve("input"));
        RunResult retried = PipelineRun.run(root, engine(), "retry", EXPORT_DATE, RunListener.NONE);
        assertThat(retried.outcome()).as(retried.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(retried.row().runId()).isEqualTo(2);
        assertThat(retried.row().steps()).extracting(StepRecord::status).startsWith(StepStatus.SUCCEEDED,
                StepStatus.SUCCEEDED, StepStatus.SUCCEEDED);
        long rows;
        try (EngineSession s = reader()) {
            rows = (long) s.query("SELECT count(*) FROM uc_mongo_latest.core_statement").single();
        }

        Cancellation cancellation = new Cancellation();
        RunResult cancelled = PipelineRun.run(root, engine(), "other", EXPORT_DATE, new RunListener() {
            @Override
            public void stepStarted(StepDefinition step, int index, int total) {
                if (step.name().equals("mongo-latest-build")) {
                    cancellation.cancel("test");
                }
            }
        }, cancellation, ProductFiles.bundled());
        assertThat(cancelled.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(cancelled.row().currentStep()).isEqualTo("mongo-latest-build");
        try (EngineSession s = reader()) {
            assertThat(s.query("SELECT count(*) FROM uc_mongo_latest.core_statement").single()).isEqualTo(rows);
        }
        // The failed build's files were never committed: nobody's, removed by the first pass once old enough.
        assertThat(leftovers()).isNotEmpty().allMatch(f -> f.contains("/data/"));
        try (TableStore tables = LocalTables.open(root.resolve("warehouse"))) {
            assertThat(tables.removeOrphans(java.time.Instant.now().minusSeconds(3600))).isEmpty();
            assertThat(tables.removeOrphans(java.time.Instant.now().plusSeconds(60))).isNotEmpty();
        }
        assertThat(leftovers()).isEmpty();
        try (EngineSession s = reader()) {
            assertThat(s.query("SELECT count(*) FROM uc_mongo_latest.core_statement").single()).isEqualTo(rows);
        }
    }

    /** Keeps the lines the build can read, so that a retry succeeds. */
    private static void removeBadLines(Path input) throws IOException {
        try (Stream<Path> files = Files.walk(input)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                List<String> good = Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                        .filter(l -> l.startsWith("{\"_id\":{")).toList();
                Files.write(f, good, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            for (Path f : Files.walk(input).filter(p -> p.toString().endsWith(".gz")).toList()) {
                List<String> good;
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
                    good = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).lines()
                            .filter(l -> l.startsWith("{\"_id\":{")).toList();
                }
                try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
                    out.write(String.join("\n", good).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    /** Scratch folders, and data files that no snapshot of any table names. */
    private Set<String> leftovers() throws IOException {
        Path wh = root.resolve("warehouse");
        Set<Path> named = new java.util.HashSet<>();
        try (TableStore tables = LocalTables.open(wh)) {
            for (String db : tables.databases()) {
                for (String t : tables.tables(db)) {
                    TableName name = new TableName(db, t);
                    for (TableSnapshot s : tables.history(name)) {
                        tables.scan(name, s.snapshotId()).files().forEach(f -> named.add(
                                ((LocalLocation) f.path()).path()));
                    }
                }
            }
        }
        Set<String> out = new java.util.TreeSet<>();
        if (Files.exists(wh.resolve(LatestBuildJob.SCRATCH))) {
            out.add(LatestBuildJob.SCRATCH);
        }
        try (Stream<Path> files = Files.walk(wh)) {
            files.filter(p -> p.toString().contains("/data/") && p.toString().endsWith(".parquet"))
                    .filter(p -> !named.contains(p.toAbsolutePath().normalize()))
                    .forEach(p -> out.add(wh.relativize(p).toString()));
        }
        return out;
    }
}
