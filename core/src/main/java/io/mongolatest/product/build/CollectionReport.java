package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

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
}
