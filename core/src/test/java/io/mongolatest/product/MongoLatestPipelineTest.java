package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.engine.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.pipeline.RunListener;
import io.mongolatest.pipeline.RunOutcome;
import io.mongolatest.pipeline.RunResult;
import io.mongolatest.product.synthetic.SyntheticExport;
import io.mongolatest.warehouse.WarehouseReader;

class MongoLatestPipelineTest {
    private static final LocalDate EXPORT_DATE = LocalDate.of(2024, 3, 4);

    @TempDir
    Path root;

    @Test
    void theDefaultProductRunsEndToEnd() {
        SyntheticExport.write(root.resolve("input"), new SyntheticExport.Options(3000, 3, EXPORT_DATE, 0, 2));
        List<String> messages = new ArrayList<>();
        RunResult r = PipelineRun.run(root, "e2e", EXPORT_DATE, new RunListener() {
            @Override
            public void progress(String step, String message) {
                messages.add(step + ": " + message);
            }

            @Override
            public void warning(String message) {
                messages.add("WARN " + message);
            }
        });
        System.out.println(String.join("\n", messages));
        System.out.println(r.message());
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        try (EngineSession s = WarehouseReader.open(new DuckDbEngine(), new EngineSettings(root.resolve("warehouse"),
                DataSize.ofMegabytes(256), root.resolve("tmp"), 1, true))) {
            System.out.println(s.query("SELECT * FROM ucs_latest_redacted.statement_fact_v LIMIT 3"));
            System.out.println(s.query("SELECT * FROM audit.data_pipeline_metadata"));
        }
    }
}
