package io.mongolatest.latest.input;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mongolatest.latest.input.SnapshotType;

/**
 * One snapshot folder of the input, {@code <type>/<id>}, its id a time {@code YYYY-MM-DD_HH-MM-SS}.
 * Snapshots are ordered by time, a full one before an incremental one of the same time.
 */
public record Snapshot(SnapshotType type, String id, LocalDateTime time)
        implements Comparable<Snapshot>, java.io.Serializable {
    private static final Pattern ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd_HH-mm-ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Comparator<Snapshot> ORDER = Comparator.comparing(Snapshot::time)
            .thenComparing(Snapshot::type).thenComparing(Snapshot::id);

    public Snapshot {
        requireNonNull(type, "type is null");
        requireNonNull(id, "id is null");
        requireNonNull(time, "time is null");
    }

    /** The snapshot a folder name stands for, or empty when it is not a snapshot id. */
    public static Optional<Snapshot> parse(SnapshotType type, String folder) {
        if (!ID.matcher(folder).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Snapshot(type, folder, LocalDateTime.parse(folder, FORMAT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String idOf(LocalDateTime time) {
        return FORMAT.format(time);
    }

    /** {@code full/2024-03-01_01-00-00}: the folder under the input root. */
    public String path() {
        return type.label() + "/" + id;
    }

    @Override
    public int compareTo(Snapshot o) {
        return ORDER.compare(this, o);
    }
}
