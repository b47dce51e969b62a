package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StepArgumentsTest {
    @Test
    void keepsTheRunsOwnOptionsWithTheirValuesAndDropsWhatARelaunchTakesElsewhere() {
        List<String> step = List.of("--correlation-id", "c1", "--export-date", "2026-11-20", "--snapshot-type",
                "incremental", "--input", "s3://in/x", "--warehouse", "s3://wh/y", "--ledger", "dynamodb:t",
                "--pushgateway", "http://pg:9091", "--product", "/opt/mongo-latest/product", "--engine", "spark",
                "--max-bad-fraction", "0.25", "--spark-conf", "spark.sql.shuffle.partitions=400", "--memory=4GiB",
                "--dynamodb-endpoint", "http://127.0.0.1:1", "--cluster-id", "j-1");
        assertThat(StepArguments.runOptions(step)).containsExactly("--pushgateway", "http://pg:9091",
                "--max-bad-fraction", "0.25", "--spark-conf", "spark.sql.shuffle.partitions=400", "--memory=4GiB");
    }

    @Test
    void theParsedOptionsAreTheLaunchs() {
        List<String> args = new ArrayList<>(StepArguments.runOptions(List.of("--correlation-id", "c1", "--input",
                "s3://in/x", "--max-bad-fraction", "0.25", "--spark-catalog", "hive", "--lease-ttl", "90s", "--engine",
                "spark")));
        // As a relaunch gives them: the identity from the ledger row, once.
        args.addAll(List.of("--correlation-id", "c1", "--input", "s3://in/x"));
        RunSpecOptions spec = RunSpecOptions.parse(args);
        assertThat(spec.maxBadFraction).isEqualTo(0.25);
        assertThat(spec.sparkCatalog).isEqualTo("hive");
        assertThat(spec.leaseTtl.toSeconds()).isEqualTo(90);
    }
}
