package io.mongolatest.pipeline.sql;

import static java.util.Objects.requireNonNull;

/**
 * One {@code .sql} file of a step, as written by the product's author (placeholders not yet substituted).
 *
 * @param file path relative to the product folder, e.g. {@code steps/mongo-latest-views/10_facts.sql}
 */
public record SqlScript(String file, String text) {
    public SqlScript {
        requireNonNull(file, "file is null");
        requireNonNull(text, "text is null");
    }
}
