package io.mongolatest.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;

/**
 * What a run is asked to do, validated (SPEC §5). These values reach SQL only as quoted literals.
 *
 * @param correlationId identifies the run with the data product
 * @param exportDate    snapshots dated on or before it are read
 * @param snapshotType  full or incremental
 * @param input         root of the snapshot export
 * @param warehouse     root of the output
 */
public record RunParameters(String correlationId, LocalDate exportDate, SnapshotType snapshotType, Location input,
                            Location warehouse) {
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,256}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public RunParameters {
        checkCorrelationId(correlationId);
        requireNonNull(exportDate, "exportDate is null");
        requireNonNull(snapshotType, "snapshotType is null");
        requireNonNull(input, "input is null");
        requireNonNull(warehouse, "warehouse is null");
    }

    /** Input and warehouse in local folders. */
    public RunParameters(String correlationId, LocalDate exportDate, SnapshotType snapshotType, Path input,
                         Path warehouse) {
        this(correlationId, exportDate, snapshotType, (Location) LocalLocation.of(input), LocalLocation.of(warehouse));
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
