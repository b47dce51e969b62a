package io.mongolatest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.product.MongoArguments;

class RunParametersTest {
    @Test
    void acceptsCorrelationIdsOfTheAllowedCharacters() {
        assertThat(RunParameters.checkCorrelationId("generate_snapshots_preprod_4_full:2021-04-01.x-y"))
                .isEqualTo("generate_snapshots_preprod_4_full:2021-04-01.x-y");
        assertThat(RunParameters.checkCorrelationId("465b4688-0c7b-4f1e-9d2a-UPPER_lower.9")).isEqualTo(
                "465b4688-0c7b-4f1e-9d2a-UPPER_lower.9");
        assertThat(RunParameters.checkCorrelationId("a".repeat(256))).isEqualTo("a".repeat(256));
    }

    @Test
    void rejectsOtherCorrelationIds() {
        for (String bad : new String[] {"bad id;x", "", "a/b", "a'b", "a".repeat(257), "é"}) {
            assertThatThrownBy(() -> RunParameters.checkCorrelationId(bad)).isInstanceOf(MongoLatestException.class)
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void readsExportDatesStrictly() {
        LocalDate today = LocalDate.parse("2026-11-25");
        assertThat(MongoArguments.parseExportDate("", today)).isEqualTo(today);
        assertThat(MongoArguments.parseExportDate("2021-04-01", today)).isEqualTo(LocalDate.parse("2021-04-01"));
        assertThatThrownBy(() -> MongoArguments.parseExportDate("2021-02-30", today)).hasMessageContaining("no such day");
        assertThatThrownBy(() -> MongoArguments.parseExportDate("01/04/2021", today)).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void readsSnapshotTypes() {
        assertThat(SnapshotType.parse(null)).isEqualTo(SnapshotType.INCREMENTAL);
        assertThat(SnapshotType.parse("FULL")).isEqualTo(SnapshotType.FULL);
        assertThatThrownBy(() -> SnapshotType.parse("partial")).hasMessage(
                "invalid snapshot type 'partial': use full or incremental");
    }
}
