package io.mongolatest.product;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.pipeline.ProductArguments;
import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;

/**
 * A Mongo Latest run's own arguments (SPEC §5): the export date (snapshots dated on or before it are read)
 * and the snapshot type; with the placeholders {@code ${export_date}} and {@code ${snapshot_type}}.
 */
public record MongoArguments(LocalDate exportDate, SnapshotType type) implements ProductArguments {
    /** The placeholders of Mongo Latest's SQL, besides the generic ones. */
    public static final Set<String> PLACEHOLDERS = Set.of("export_date", "snapshot_type");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public MongoArguments {
        requireNonNull(exportDate, "exportDate is null");
        requireNonNull(type, "type is null");
    }

    /** The run parameters of a Mongo Latest run. */
    public static RunParameters params(String correlationId, LocalDate exportDate, SnapshotType type, Location input,
                                       Location warehouse) {
        return new RunParameters(correlationId, input, warehouse, new MongoArguments(exportDate, type));
    }

    /** The same, with input and warehouse in local folders. */
    public static RunParameters params(String correlationId, LocalDate exportDate, SnapshotType type, Path input,
                                       Path warehouse) {
        return params(correlationId, exportDate, type, LocalLocation.of(input), LocalLocation.of(warehouse));
    }

    /** The Mongo Latest arguments of {@code params}; a bug when the run is another product's. */
    public static MongoArguments of(RunParameters params) {
        if (params.arguments() instanceof MongoArguments m) {
            return m;
        }
        throw new IllegalArgumentException("not a Mongo Latest run: " + params.arguments());
    }

    @Override
    public String date() {
        return exportDate.toString();
    }

    @Override
    public String snapshotType() {
        return type.label();
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("export_date", date(), "snapshot_type", snapshotType());
    }

    /** An ISO date {@code YYYY-MM-DD}; empty means {@code today}, as in the original. */
    public static LocalDate parseExportDate(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        if (!ISO_DATE.matcher(text).matches()) {
            throw MongoLatestException.user("invalid export date '" + text + "': use YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw MongoLatestException.user("invalid export date '" + text + "': no such day");
        }
    }
}
