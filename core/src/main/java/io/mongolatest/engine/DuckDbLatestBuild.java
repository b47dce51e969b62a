package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.LatestBuild;
import io.mongolatest.latest.LatestBuildJob;
import io.mongolatest.latest.Quarantine;
import io.mongolatest.latest.input.CollectionInput;

/** DuckDB's build, over its row sources: a collection at a time, in two passes (see {@link LatestTableBuilder}). */
final class DuckDbLatestBuild implements LatestBuild {
    private final EngineSession session;
    private final RowSources rows;
    private final JsonFactory json = new JsonFactory();

    DuckDbLatestBuild(EngineSession session, RowSources rows) {
        this.session = requireNonNull(session, "session is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public List<BuiltCollection> build(LatestBuildJob job) {
        LatestTableBuilder builder = new LatestTableBuilder(session, rows, job.store());
        List<BuiltCollection> reports = new ArrayList<>();
        for (CollectionInput c : job.collections()) {
            if (job.cancellation().isCancelled()) {
                throw new MongoLatestException(ErrorKind.CANCELLED, "cancelled before " + c.key());
            }
            String table = c.key().table().table();
            BuiltCollection r;
            try (Quarantine q = new Quarantine(json, job.files(), job.quarantineFile(c))) {
                r = builder.build(c, Optional.ofNullable(job.kept().get(table)), q, LatestBuildJob.stateTable(c),
                        job.scratch().resolve(table), () -> job.progress().versionsRead(c));
            }
            reports.add(r);
            job.progress().done(r.report());
        }
        return reports;
    }
}
