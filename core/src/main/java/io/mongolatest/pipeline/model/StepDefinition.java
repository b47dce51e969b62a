package io.mongolatest.pipeline.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One step of pipeline.yaml.
 *
 * @param name      {@code [a-z0-9-]+}, unique in the pipeline
 * @param builtin   the builtin kind, or null for a SQL step
 * @param onFailure what a failure does to the run
 * @param always    runs even when a retry skips the steps around it (housekeeping)
 */
public record StepDefinition(String name, String builtin, OnFailure onFailure, boolean always) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    public StepDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(onFailure, "onFailure is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid step name " + name);
        }
    }

    public boolean isSql() {
        return builtin == null;
    }

    /** {@code sql} or {@code builtin:<kind>}, for plans and reports. */
    public String kindLabel() {
        return isSql() ? "sql" : "builtin:" + builtin;
    }
}
