package io.mongolatest.latest.input;

import java.util.Locale;

import io.mongolatest.MongoLatestException;

/** Which snapshots a run reads (SPEC §7): the newest full one only, or it and the incrementals after it. */
public enum SnapshotType {
    FULL,
    INCREMENTAL;

    /** As written on the command line, in the ledger and in metrics: {@code full}, {@code incremental}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotType parse(String text) {
        if (text == null || text.isBlank()) {
            return INCREMENTAL;
        }
        for (SnapshotType t : values()) {
            if (t.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw MongoLatestException.user("invalid snapshot type '" + text + "': use full or incremental");
    }
}
