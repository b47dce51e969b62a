package io.mongolatest.tables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mongolatest.storage.TableName;

/**
 * Which snapshot of each table of a database a reader of the whole database reads (SPEC §7). A run commits a
 * database's tables one after another, each snapshot naming its publication and how many tables that has
 * ({@link SnapshotInfo#PUBLICATION}); readers see the newest publication whose every table is committed, each
 * table at its snapshot of that publication, and no table it lacks (one a killed run had yet to drop, or one new
 * in a publication still being committed). Tables written by another tool, whose snapshots name no publication,
 * are read as they are.
 */
public final class Publications {
    private Publications() {
    }

    /** The snapshot of each table of {@code database} a reader reads, by table name, in name order. */
    public static Map<String, Long> readable(TableStore store, String database) {
        Map<String, Published> publications = new HashMap<>();
        Map<String, Long> foreign = new TreeMap<>();
        for (String t : store.tables(database)) {
            List<TableSnapshot> history = store.history(new TableName(database, t));
            if (history.isEmpty()) {
                continue;
            }
            TableSnapshot now = history.get(history.size() - 1);
            if (now.summary().get(SnapshotInfo.PUBLICATION) == null) {
                foreign.put(t, now.snapshotId());
                continue;
            }
            for (TableSnapshot s : history) {
                String p = s.summary().get(SnapshotInfo.PUBLICATION);
                if (p != null) {
                    publications.computeIfAbsent(p, k -> new Published(size(s))).add(t, s);
                }
            }
        }
        List<Published> newestFirst = new ArrayList<>(publications.values());
        newestFirst.sort(Comparator.comparing((Published p) -> p.last).reversed());
        Map<String, Long> out = new TreeMap<>(foreign);
        for (Published p : newestFirst) {
            if (p.tables.size() >= p.size) {
                p.tables.forEach((t, s) -> out.put(t, s.snapshotId()));
                break;
            }
        }
        return new LinkedHashMap<>(out);
    }

    private static int size(TableSnapshot s) {
        try {
            return Integer.parseInt(s.summary().getOrDefault(SnapshotInfo.PUBLICATION_TABLES, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One publication's snapshots: the latest of each table it committed, and when it last committed one. */
    private static final class Published {
        final int size;
        final Map<String, TableSnapshot> tables = new HashMap<>();
        Instant last = Instant.MIN;

        Published(int size) {
            this.size = size;
        }

        void add(String table, TableSnapshot s) {
            tables.put(table, s);
            if (s.committedAt().isAfter(last)) {
                last = s.committedAt();
            }
        }
    }
}
