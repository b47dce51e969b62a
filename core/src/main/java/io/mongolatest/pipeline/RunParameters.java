package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Location;

/**
 * What a run is asked to do, validated (SPEC §5). These values reach SQL only as quoted literals.
 *
 * @param correlationId identifies the run with the data product
 * @param input         root of the input (the snapshot export)
 * @param warehouse     root of the output
 * @param arguments     the product's own arguments (for Mongo Latest: export date and snapshot type)
 */
public record RunParameters(String correlationId, Location input, Location warehouse, ProductArguments arguments) {
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,256}");

    public RunParameters {
        checkCorrelationId(correlationId);
        requireNonNull(input, "input is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(arguments, "arguments is null");
    }

    public static String checkCorrelationId(String id) {
        if (id == null || id.isEmpty()) {
            throw MongoLatestException.user("a correlation id is required (--correlation-id)");
        }
        if (!CORRELATION_ID.matcher(id).matches() || id.chars().allMatch(c -> c == '.')) {
            String shown = id.length() > 60 ? id.substring(0, 60) + "..." : id;
            throw MongoLatestException.user("invalid correlation id '" + shown
                    + "': use 1 to 256 characters of A-Z a-z 0-9 _ . : -, not only dots");
        }
        return id;
    }
}
