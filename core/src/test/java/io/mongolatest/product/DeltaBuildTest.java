package io.mongolatest.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mongolatest.engine.EngineUnderTest;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.product.build.BuildReport;

/**
 * When a build is a delta on the state an earlier run kept, and when it reads everything instead: day after
 * day of random exports, each day's tables compared with the reference over every line so far.
 */
class DeltaBuildTest extends HarnessTest {
    private final RandomExport export = new RandomExport(11);
    private final List<LedgerRow> completed = new ArrayList<>();

    /** Writes the export's files of {@code snapshot} (e.g. "incremental/2024-03-02_00-00-00"). */
    private void write(String snapshot) throws Exception {
        for (Map.Entry<String, List<byte[]>> f : export.files.entrySet()) {
            if (f.getKey().startsWith(snapshot + "/")) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (byte[] line : f.getValue()) {
                    b.write(line);
                    b.write('\n');
                }
                in.bytes(f.getKey(), b.toByteArray());
            }
        }
    }

    /** The engine of every other day in {@link #aStateKeptOnOneEngineIsMergedOnTheOther()}. */
    protected EngineUnderTest otherEngine() {
        return EngineUnderTest.DUCKDB;
    }

    /** Builds as run {@code id}, which then completes; checks its table against the reference over what is written. */
    private BuildReport day(String id) throws Exception {
        return day(h, id);
    }

    private BuildReport day(StepHarness on, String id) throws Exception {
        on.correlationId = id;
        List<LedgerRow> rows = new ArrayList<>(completed);
        rows.add(StepHarness.row(id, RunStatus.IN_PROGRESS));
        on.ledgerRows = rows;
        BuildReport report = on.build();
        completed.add(StepHarness.row(id, RunStatus.COMPLETED));
        List<ReferenceLatest.Line> written = export.lines().stream()
                .filter(l -> Files.exists(h.input.resolve(l.snapshotType() + "/" + l.snapshotId() + "/core/contract/" + l.file()))).toList();
        ReferenceLatest.Result expected = ReferenceLatest.latest(written);
        List<ReferenceLatest.Row> actual = on.latestRows("core_contract");
        assertThat(actual).containsExactlyElementsOf(expected.rows());
        assertThat(report.totals()).isEqualTo(expected.counts());
        return report;
    }

    @Test
    void eachNewIncrementalIsMergedIntoTheStateOfTheDayBefore() throws Exception {
        export.write("core/contract", 600);
        h.maxBadFraction = 1;
        write("full/2024-03-01_00-00-00");
        write("incremental/2024-03-01_00-00-00");
        assertThat(day("day-1").mode()).isEqualTo("full");
        write("incremental/2024-03-02_00-00-00");
        BuildReport two = day("day-2");
        assertThat(two.mode()).isEqualTo("delta");
        assertThat(two.modeReason()).isEqualTo("adds 1 new incremental snapshot to the state run day-1 (Run_Id 1) kept");
        write("incremental/2024-03-03_00-00-00");
        BuildReport three = day("day-3");
        assertThat(three.mode()).isEqualTo("delta");
        h.fullRebuild = true;
        BuildReport full = day("day-4");
        assertThat(full.modeReason()).isEqualTo("--full-rebuild");
        assertThat(full.totals()).isEqualTo(three.totals());
        assertThat(full.collections()).isEqualTo(three.collections());
    }

    @Test
    void aStateKeptOnOneEngineIsMergedOnTheOther() throws Exception {
        export.write("core/contract", 500);
        write("full/2024-03-01_00-00-00");
        write("incremental/2024-03-01_00-00-00");
        try (StepHarness other = new StepHarness(dir, otherEngine())) {
            other.maxBadFraction = 1;
            h.maxBadFraction = 1;
            assertThat(day(other, "kept-by-other").mode()).isEqualTo("full");
            write("incremental/2024-03-02_00-00-00");
            assertThat(day("merged-here").modeReason())
                    .isEqualTo("adds 1 new incremental snapshot to the state run kept-by-other (Run_Id 1) kept");
            write("incremental/2024-03-03_00-00-00");
            assertThat(day(other, "merged-there").mode()).isEqualTo("delta");
        }
    }

    /** A file of one line, written and known to the reference. */
    private void add(String path, String line) throws Exception {
        export.files.put(path, List.of(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        in.file(path, line);
    }

    @Test
    void aLateSnapshotAChangedFileOrAnIncompleteRunRebuilds() throws Exception {
        export.write("core/contract", 300);
        h.maxBadFraction = 1;
        write("full/2024-03-01_00-00-00");
        write("incremental/2024-03-03_00-00-00");
        assertThat(day("first").modeReason()).isEqualTo("no state kept by an earlier build");
        write("incremental/2024-03-02_00-00-00");
        assertThat(day("late").modeReason()).isEqualTo("snapshot incremental/2024-03-02_00-00-00 is not after"
                + " those built since run first (Run_Id 1)");

        completed.clear(); // the run that kept the state did not complete
        add("incremental/2024-03-04_00-00-00/core/contract/new.json", "{\"_id\": \"new\"}");
        assertThat(day("after-failure").modeReason())
                .isEqualTo("run late (Run_Id 1), which kept the state, did not complete");

        add("incremental/2024-03-01_00-00-00/core/contract/zz.json", "{\"_id\": \"zz\"}");
        assertThat(day("new-file").modeReason()).isEqualTo("snapshot incremental/2024-03-01_00-00-00 is not after"
                + " those built since run after-failure (Run_Id 1)");
        add("full/2024-03-01_00-00-00/core/contract/zz-new.json", "{\"_id\": \"new\"}");
        assertThat(day("new-file-in-full").modeReason()).isEqualTo("input file"
                + " full/2024-03-01_00-00-00/core/contract/zz-new.json appeared in a snapshot built before"
                + " since run new-file (Run_Id 1)");
        add("full/2024-03-01_00-00-00/core/contract/zz-new.json", "{\"_id\": \"changed\", \"v\": 2}");
        assertThat(day("changed-file").modeReason()).isEqualTo("input file"
                + " full/2024-03-01_00-00-00/core/contract/zz-new.json changed or is missing since run new-file-in-full"
                + " (Run_Id 1)");
        add("incremental/2024-03-04_12-00-00/core/contract/other.json", "{\"_id\": \"other\"}");
        assertThat(day("then-delta").mode()).isEqualTo("delta");
    }
}
