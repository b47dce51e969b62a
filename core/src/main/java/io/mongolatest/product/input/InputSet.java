package io.mongolatest.product.input;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.input.Snapshot;
import io.mongolatest.latest.input.SnapshotType;
import io.mongolatest.pipeline.plan.Fingerprint;
import io.mongolatest.storage.Location;

/**
 * The input a run reads: the selected snapshots, in order, and every collection found in them.
 *
 * @param warnings things the operator should know, e.g. that there was no full snapshot
 */
public record InputSet(Location root, List<Snapshot> snapshots, List<CollectionInput> collections, List<String> warnings) {
    public InputSet {
        requireNonNull(root, "root is null");
        snapshots = List.copyOf(snapshots);
        collections = List.copyOf(collections);
        warnings = List.copyOf(warnings);
    }

    /** Identifies the selection: each file's path under the input root, size and identity (ETag, or time). */
    public String digest() {
        StringBuilder b = new StringBuilder();
        for (CollectionInput c : collections) {
            for (InputFile f : c.files()) {
                b.append(f.relativePath()).append('\t').append(f.size()).append('\t').append(f.object().identity())
                        .append('\n');
            }
        }
        return Fingerprint.hash(b.toString());
    }

    /** One line: "1 full + 3 incremental snapshots (… to …), 6 collections, 42 files, 1.2 GB". */
    public String description() {
        long full = snapshots.stream().filter(s -> s.type() == SnapshotType.FULL).count();
        long incremental = snapshots.size() - full;
        int files = collections.stream().mapToInt(c -> c.files().size()).sum();
        long bytes = collections.stream().mapToLong(CollectionInput::bytes).sum();
        String range = snapshots.isEmpty() ? "" : " (" + snapshots.get(0).id()
                + (snapshots.size() > 1 ? " to " + snapshots.get(snapshots.size() - 1).id() : "") + ")";
        return full + " full + " + incremental + " incremental snapshot" + (snapshots.size() == 1 ? "" : "s") + range
                + ", " + collections.size() + " collection" + (collections.size() == 1 ? "" : "s") + ", " + files
                + " file" + (files == 1 ? "" : "s") + ", " + size(bytes);
    }

    public String snapshotList() {
        return snapshots.stream().map(Snapshot::path).collect(Collectors.joining(", "));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
