package io.mongolatest.latest;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.mongolatest.latest.records.BadReason;

/**
 * Where every input line and every loaded version went (SPEC §7), for one collection or a whole build:
 * {@code lines = blank + loaded + quarantined}; {@code loaded = latest + superseded + removed};
 * {@code rows = latest}.
 *
 * @param lines       lines read
 * @param blank       empty or whitespace-only lines, ignored
 * @param loaded      lines that are records: versions of a document
 * @param quarantined bad lines, by {@link BadReason#code()} in {@code quarantinedByReason}
 * @param latest      documents whose latest version is not a removal: the table's rows
 * @param superseded  versions that are not the latest of their document
 * @param removed     documents whose latest version is a removal, absent from the table
 * @param rows        rows written to the table
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InputCounts(long lines, long blank, long loaded, long quarantined, Map<String, Long> quarantinedByReason,
                          long latest, long superseded, long removed, long rows) {
    public static final InputCounts ZERO = new InputCounts(0, 0, 0, 0, Map.of(), 0, 0, 0, 0);

    public InputCounts {
        requireNonNull(quarantinedByReason, "quarantinedByReason is null");
        quarantinedByReason = Collections.unmodifiableMap(new TreeMap<>(quarantinedByReason));
    }

    public InputCounts plus(InputCounts o) {
        Map<String, Long> reasons = new TreeMap<>(quarantinedByReason);
        o.quarantinedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
        return new InputCounts(lines + o.lines, blank + o.blank, loaded + o.loaded, quarantined + o.quarantined,
                reasons, latest + o.latest, superseded + o.superseded, removed + o.removed, rows + o.rows);
    }

    /** These lines, with what became of their versions: {@code latest}, {@code superseded}, {@code removed}, {@code rows}. */
    public InputCounts withOutcome(long latest, long superseded, long removed, long rows) {
        return new InputCounts(lines, blank, loaded, quarantined, quarantinedByReason, latest, superseded, removed, rows);
    }

    /** The sums that must hold; a broken one is a bug, never a data problem. */
    public void check(String what) {
        long byReason = quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
        if (lines != blank + loaded + quarantined || loaded != latest + superseded + removed || rows != latest
                || quarantined != byReason) {
            throw new IllegalStateException("input accounting of " + what + " does not add up: " + this);
        }
    }

    /** Bad lines as a fraction of the non-blank lines. */
    public double badFraction() {
        long records = loaded + quarantined;
        return records == 0 ? 0 : (double) quarantined / records;
    }
}
