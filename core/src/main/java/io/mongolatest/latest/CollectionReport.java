package io.mongolatest.latest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.mongolatest.latest.input.CollectionInput;

/** What the build did with one collection. {@code table} is {@code uc_mongo_latest.<db>_<collection>}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CollectionReport(String database, String collection, String table, int files, long bytes,
                               InputCounts counts) {
    public CollectionReport {
        requireNonNull(database, "database is null");
        requireNonNull(collection, "collection is null");
        requireNonNull(table, "table is null");
        requireNonNull(counts, "counts is null");
    }

    /**
     * The report of a build of {@code input} that read the lines {@code read} counted, after those a delta
     * build's {@code kept} state had read, and found {@code ids} documents ({@code removed} of them removed),
     * writing {@code written} rows: the accounting of reading every file, checked.
     */
    public static CollectionReport of(CollectionInput input, LineTally read, Optional<LatestBuildJob.Kept> kept,
                                      long ids, long removed, long written) {
        InputCounts lines = read.counts(0, 0, 0, 0);
        if (kept.isPresent()) {
            lines = lines.plus(kept.get().counts().withOutcome(0, 0, 0, 0));
        }
        InputCounts c = lines.withOutcome(ids - removed, lines.loaded() - ids, removed, written);
        c.check(input.key().toString());
        return new CollectionReport(input.key().database(), input.key().collection(), input.key().table().toString(),
                input.files().size(), input.bytes(), c);
    }
}
