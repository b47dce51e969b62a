package io.mongolatest.product.build;

import java.util.List;
import java.util.Optional;

import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.RowSources;
import io.mongolatest.engine.SqlEngine;

/**
 * How an engine builds the latest tables (SPEC §7): a strategy per engine, over the same record rules
 * ({@link FileVersions}). DuckDB's reads the input in this process through row sources; a distributed
 * engine offers its own as a session capability, whose tasks read the input where they run.
 */
public interface LatestBuild {

    /**
     * Builds every collection of {@code job} into its version and writes its winners into
     * {@link LatestBuildJob#states()}; reads only the files after those of {@link LatestBuildJob#kept()} for a
     * collection an earlier build kept. Returns their reports, in the job's order.
     */
    List<CollectionReport> build(LatestBuildJob job);

    /** The strategy for {@code session}: its own, or the one over row sources. */
    static LatestBuild of(EngineSession session) {
        return session.capability(LatestBuild.class)
                .or(() -> session.capability(RowSources.class).map(rows -> new DuckDbLatestBuild(session, rows)))
                .orElseThrow(() -> new IllegalStateException(session + " can build no latest tables"));
    }

    /** Why {@code engine} cannot build the latest tables, if it cannot; asked when a run is planned. */
    static Optional<String> cannotBuildOn(SqlEngine engine) {
        return engine.capabilities().contains(LatestBuild.class) || engine.capabilities().contains(RowSources.class)
                ? Optional.empty()
                : Optional.of("the " + engine.name() + " engine has no way to build the latest tables");
    }
}
