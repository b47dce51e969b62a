package io.mongolatest.latest;

import java.util.List;

import io.mongolatest.tables.TableChange;

/**
 * How an engine builds the latest tables (SPEC §7): a session capability, a strategy per engine, over the same
 * record rules ({@link FileVersions}). DuckDB's reads the input in this process through row sources; a
 * distributed engine's tasks read the input where they run.
 */
public interface LatestBuild {

    /**
     * Writes every collection of {@code job} as the new content of its latest table and its winners as that of its
     * kept state ({@link LatestBuildJob#stateTable}), uncommitted; reads only the files after those of
     * {@link LatestBuildJob#kept()} for a collection an earlier build kept. Returns them, in the job's order.
     */
    List<BuiltCollection> build(LatestBuildJob job);

    /** One collection built: its accounting, and the uncommitted new content of its table and of its kept state. */
    record BuiltCollection(CollectionReport report, TableChange latest, TableChange state) {
        public BuiltCollection {
            java.util.Objects.requireNonNull(report, "report is null");
            java.util.Objects.requireNonNull(latest, "latest is null");
            java.util.Objects.requireNonNull(state, "state is null");
        }
    }
}
