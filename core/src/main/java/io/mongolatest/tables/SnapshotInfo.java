package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every snapshot a run commits says of it (SPEC §7), in Iceberg's snapshot summary, plus what the product
 * keeps there for itself ({@code extra}, keys prefixed {@value #PREFIX}).
 *
 * @param publication names the tables committed together ({@link #PUBLICATION}), so that a reader can tell a
 *                    database published whole from one a run is still committing
 * @param tables      how many tables that publication commits
 */
public record SnapshotInfo(String correlationId, long runId, String exportDate, String step, String publication,
                           int tables, Map<String, String> extra) {
    public static final String CORRELATION_ID = "correlation-id";
    public static final String RUN_ID = "run-id";
    public static final String EXPORT_DATE = "export-date";
    public static final String STEP = "step";
    public static final String PREFIX = "mongo-latest.";
    public static final String PUBLICATION = PREFIX + "publication";
    public static final String PUBLICATION_TABLES = PREFIX + "publication-tables";

    public SnapshotInfo {
        requireNonNull(correlationId, "correlationId is null");
        requireNonNull(exportDate, "exportDate is null");
        requireNonNull(step, "step is null");
        requireNonNull(publication, "publication is null");
        extra = Map.copyOf(extra);
        extra.keySet().forEach(k -> {
            if (!k.startsWith(PREFIX)) {
                throw new IllegalArgumentException("a product's summary key starts with " + PREFIX + ": " + k);
            }
        });
    }

    /** The summary entries. */
    public Map<String, String> summary() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(CORRELATION_ID, correlationId);
        out.put(RUN_ID, Long.toString(runId));
        out.put(EXPORT_DATE, exportDate);
        out.put(STEP, step);
        out.put(PUBLICATION, publication);
        out.put(PUBLICATION_TABLES, Integer.toString(tables));
        out.putAll(extra);
        return out;
    }
}
