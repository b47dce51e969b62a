package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistake is one line on stderr and exit 2, before anything is changed. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--state-dir";
        all[args.length + 1] = dir.resolve("state").toString();
        return CliRun.of(all);
    }

    private static void assertOneLineUserError(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anInvalidCorrelationIdIsRefused() {
        assertOneLineUserError(run("run", "--correlation-id", "bad id;x", "--input", dir.toString()),
                "invalid correlation id 'bad id;x'");
        assertThat(dir.resolve("state").resolve("ledger.db")).doesNotExist();
    }

    @Test
    void badDatesTypesAndMissingInputAreRefused() {
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--export-date",
                "2021-13-01"), "invalid export date '2021-13-01'");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--snapshot-type",
                "partial"), "invalid snapshot type 'partial'");
        assertOneLineUserError(run("run", "--correlation-id", "c"), "Missing required option: '--input=DIR'");
        assertOneLineUserError(run("plan", "--input", dir.toString()), "Missing required option: '--correlation-id=ID'");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--ledger", "mysql:x"),
                "--ledger must be sqlite:PATH or dynamodb:TABLE");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--engine", "oracle"),
                "unknown engine 'oracle'");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--memory", "lots"),
                "invalid size 'lots'");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--lease-ttl", "1s"),
                "--lease-ttl must be between 3s and 7d, not 1s");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--s3-endpoint",
                "ftp://127.0.0.1:1"), "invalid --s3-endpoint ftp://127.0.0.1:1: give the URL of an S3-compatible store");
    }

    @Test
    void aWarehouseInTheLayoutOfAnEarlierVersionIsRefusedNeverReadAsEmpty() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Path warehouse = Files.createDirectories(dir.resolve("old-warehouse"));
        Files.createDirectories(warehouse.resolve(".tables/uc_mongo_latest/core_contract/v1"));
        String expected = "the warehouse " + warehouse + " has tables in the layout of an earlier version ("
                + warehouse.resolve(".tables") + "/), which this version does not read: build the product again into a"
                + " new --warehouse (a full rebuild), then remove the old one";
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", input.toString(), "--warehouse",
                warehouse.toString(), "--export-date", "2026-11-20"), expected);
        assertOneLineUserError(run("query", "--warehouse", warehouse.toString(), "SELECT 1"), expected);
        assertThat(warehouse.resolve("iceberg_catalog.db")).doesNotExist();
    }

    @Test
    void aUserErrorLeavesNoWarehouseFolderBehind() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Path warehouse = dir.resolve("out").resolve("warehouse");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.resolve("nope").toString(),
                "--warehouse", warehouse.toString()), "input folder " + dir.resolve("nope") + " does not exist");
        assertThat(dir.resolve("out")).doesNotExist();
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", input.toString(), "--warehouse",
                warehouse.toString(), "--export-date", "2021-02-30"), "invalid export date '2021-02-30'");
        assertThat(dir.resolve("out")).doesNotExist();
        assertOneLineUserError(run("step", "--correlation-id", "c", "--input", input.toString(), "--warehouse",
                warehouse.toString(), "--export-date", "2026-11-20", "mongo-latest-build"), "no run c/MONGO_LATEST has begun");
        assertThat(dir.resolve("out")).doesNotExist();
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", input.toString(), "--warehouse",
                warehouse.toString(), "--export-date", "2026-11-20"), "no snapshot");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void sparkSettingsAreRefusedByDuckDb() {
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--spark-master",
                "local[2]"), "the duckdb engine has no setting 'spark.master'");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--spark-conf",
                "spark.executor.memory=2g"), "the duckdb engine has no setting 'spark.executor.memory'");
        assertOneLineUserError(run("run", "--correlation-id", "c", "--input", dir.toString(), "--spark-conf",
                "spark.executor.memory"), "should be in KEY=VALUE format");
        assertThat(dir.resolve("state").resolve("ledger.db")).doesNotExist();
    }

    @Test
    void unknownOptionsAndCommandsAreOneLine() {
        assertOneLineUserError(run("run", "--correlation-id", "x", "--input", dir.toString(), "--correlation", "x"),
                "Unknown option");
        CliRun r = CliRun.of("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void aConfigFileSuppliesDefaultsAndRejectsUnknownKeys() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "correlation-id: 'from config;bad'\n");
        assertOneLineUserError(run("plan", "--config", config.toString(), "--input", dir.toString()),
                "invalid correlation id 'from config;bad'");
        Files.writeString(config, "corelation-id: x\n");
        assertOneLineUserError(run("plan", "--config", config.toString()), "unknown key 'corelation-id'");
        Files.writeString(config, "correlation-id: [a, b\n");
        assertOneLineUserError(run("plan", "--config", config.toString()), "invalid YAML");
    }

    @Test
    void productInitRefusesAFolderInUse() throws Exception {
        Path product = dir.resolve("product");
        CliRun ok = run("product", "init", product.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(product.resolve("pipeline.yaml")).exists();
        assertThat(product.resolve("classification.csv")).exists();
        assertOneLineUserError(run("product", "init", product.toString()), "is not empty");
    }

    @Test
    void aBrokenProductPackageIsNamedWithFileAndLine() throws Exception {
        Path product = dir.resolve("product");
        run("product", "init", product.toString());
        Path yaml = product.resolve("pipeline.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("builtin: build-latest", "builtin: build-lastest"));
        CliRun r = run("plan", "--correlation-id", "c", "--input", dir.toString(), "--product", product.toString());
        assertOneLineUserError(r, "pipeline.yaml:");
        assertThat(r.err()).contains("unknown builtin 'build-lastest'");
    }

    @Test
    void statusOfAnUnknownRunSaysSo() {
        assertOneLineUserError(run("status", "--correlation-id", "nobody"), "no run nobody/MONGO_LATEST");
        CliRun all = run("status");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("no runs of MONGO_LATEST");
    }
}
