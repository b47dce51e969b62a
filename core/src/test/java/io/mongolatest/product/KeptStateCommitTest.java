package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.RunStatus;

/** A build whose kept state cannot be committed leaves no manifest behind, and the next build still works. */
class KeptStateCommitTest extends HarnessTest {

    @Test
    void aStateThatIsNotCommittedLeavesNoManifest() throws Exception {
        in.file("full/2024-03-01_00-00-00/core/contract/part-0.json", "{\"_id\": \"a\"}");
        h.ledgerRows = List.of(StepHarness.row(h.correlationId, RunStatus.IN_PROGRESS));
        // Not a database of the warehouse: committing the kept state there fails, after its manifest was written.
        Path blocker = h.warehouse.resolve("mongo_latest_state");
        Files.createDirectories(h.warehouse);
        Files.writeString(blocker, "not a database");

        assertThatThrownBy(() -> h.build()).isInstanceOf(MongoLatestException.class)
                .hasMessageContaining("mongo_latest_state");
        Path manifests = h.warehouse.resolve("latest-state");
        assertThat(!Files.isDirectory(manifests) || isEmpty(manifests)).as("manifests left in %s", manifests).isTrue();

        Files.delete(blocker);
        assertThat(h.build().mode()).isEqualTo("full");
        try (var files = Files.list(manifests)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
