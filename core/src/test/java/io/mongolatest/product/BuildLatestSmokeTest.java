package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.product.synthetic.SyntheticExport;

class BuildLatestSmokeTest {
    @TempDir
    Path dir;

    @Test
    void buildsEveryGeneratedCollection() throws Exception {
        try (StepHarness h = new StepHarness(dir)) {
            SyntheticExport.write(h.input, new SyntheticExport.Options(5000, 7, LocalDate.of(2024, 3, 4), 0.0005, 2));
            BuildReport r = h.build();
            System.out.println(r.toJson());
            System.out.println(h.progress);
            assertThat(r.collections()).hasSize(6);
            System.out.println(h.query("SELECT * FROM uc_mongo_latest.core_statement LIMIT 3"));
        }
    }
}
