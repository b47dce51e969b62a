package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.latest.CollectionReport;
import io.mongolatest.latest.InputCounts;
import io.mongolatest.product.build.BuildReport;
import io.mongolatest.product.synthetic.SyntheticExport;

/** The generator's output through the build: every line accounted for, every feature present. */
class GeneratedInputTest {
    @TempDir
    Path dir;

    @Test
    void everyGeneratedLineIsAccountedFor() throws Exception {
        try (StepHarness h = new StepHarness(dir)) {
            SyntheticExport.Summary s = SyntheticExport.write(h.input,
                    new SyntheticExport.Options(20_000, 5, LocalDate.of(2024, 3, 4), 0.002, 2));
            h.maxBadFraction = 0.01;
            BuildReport r = h.build();
            assertThat(r.collections()).extracting(CollectionReport::table).containsExactly(
                    "uc_mongo_latest.accepted_data_address", "uc_mongo_latest.accepted_data_persondetails",
                    "uc_mongo_latest.core_claimant", "uc_mongo_latest.core_contract", "uc_mongo_latest.core_statement",
                    "uc_mongo_latest.core_todo");
            InputCounts t = r.totals();
            assertThat(t.loaded()).isEqualTo(s.documents());
            assertThat(t.quarantined()).isEqualTo(s.badLines()).isPositive();
            assertThat(t.blank()).isEqualTo(s.blankLines());
            assertThat(t.lines()).isEqualTo(s.documents() + s.badLines() + s.blankLines());
            assertThat(t.quarantinedByReason()).containsOnlyKeys("not_json", "not_an_object", "no_id", "bad_date",
                    "invalid_utf8");
            assertThat(t.removed()).isPositive();
            assertThat(t.superseded()).isPositive();
            assertThat(h.query("SELECT count(*) FROM uc_mongo_latest.accepted_data_address WHERE id LIKE '{\"d_oid\":%'")
                    .single()).as("$oid and d_oid ids merged").isEqualTo(r.collections().get(0).counts().rows());
        }
    }
}
