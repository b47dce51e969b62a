package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.mongolatest.latest.ChosenLines;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.storage.InputStore;

/**
 * Pass 2 of a collection: the text of the lines chosen as latest, with their snapshot. Reads each chosen
 * line again at its byte offset (the position pass 1 gave it), skipping the rest, and checks that it still
 * carries its winner's id ({@link ChosenLines}); files with no chosen line are not opened. A file read is
 * checked to be as listed before and after ({@link InputLines#checkUnchanged}), even when the plain copy of
 * a gzip file is read instead.
 */
final class LatestLineSource extends CollectionSource {
    static final List<SourceColumn> COLUMNS = List.of(new SourceColumn("pos", ColumnType.BIGINT),
            new SourceColumn("snapshot_type", ColumnType.VARCHAR), new SourceColumn("snapshot_id", ColumnType.VARCHAR),
            new SourceColumn("val", ColumnType.VARCHAR));

    private final long[] positions;
    private final long[] ids;
    private final Spill spill;

    /**
     * @param positions the chosen lines' positions ({@link InputLines#offsetPosition}), ascending
     * @param ids       their winners' ids, each as its {@link io.mongolatest.latest.records.IdDigest}
     * @param spill     plain copies of gzip files, read instead of inflating them again
     */
    LatestLineSource(InputStore store, CollectionInput input, int first, long[] positions, long[] ids, Spill spill) {
        super(store, input, first, COLUMNS);
        this.positions = requireNonNull(positions, "positions is null");
        this.ids = requireNonNull(ids, "ids is null");
        if (ids.length != positions.length) {
            throw new IllegalArgumentException(ids.length + " ids for " + positions.length + " positions");
        }
        this.spill = requireNonNull(spill, "spill is null");
    }

    /** Exactly the chosen lines: told to the engine so that its join holds these, not the winners, in memory. */
    @Override
    public long rowCount() {
        return positions.length;
    }

    @Override
    public SplitReader open(int split) {
        int file = fileIndex(split);
        int from = lowerBound((long) file << InputLines.LINE_BITS);
        int to = lowerBound((long) (file + 1) << InputLines.LINE_BITS);
        return new Reader(input.files().get(file), spill.plainCopy(file), from, to);
    }

    private int lowerBound(long key) {
        int i = Arrays.binarySearch(positions, key);
        return i >= 0 ? i : -i - 1;
    }

    private final class Reader implements SplitReader {
        private final InputFile file;
        private final int to;
        private final ChosenLines chosen;
        private final byte[] type;
        private final byte[] id;
        private int next;

        Reader(InputFile file, java.nio.file.Path plainCopy, int from, int to) {
            this.file = file;
            this.next = from;
            this.to = to;
            if (from < to) {
                InputLines.checkUnchanged(store, file);
            }
            this.chosen = from >= to ? null : new ChosenLines(file, plainCopy != null
                    ? InputLines.openCopy(file, plainCopy) : InputLines.open(store, file));
            this.type = file.snapshot().type().label().getBytes(StandardCharsets.UTF_8);
            this.id = file.snapshot().id().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read(RowBatch batch) {
            int n = 0;
            while (n < batch.capacity() && next < to) {
                batch.setLong(0, n, positions[next]);
                batch.setText(1, n, type);
                batch.setText(2, n, id);
                batch.setText(3, n, chosen.textAt(positions[next] & InputLines.LINE_MASK, ids[next]));
                n++;
                next++;
                if (next == to) {
                    InputLines.checkUnchanged(store, file);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (chosen != null) {
                chosen.close();
            }
        }
    }
}
