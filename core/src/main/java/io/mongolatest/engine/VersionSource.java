package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;

import io.mongolatest.latest.FileVersions;
import io.mongolatest.latest.LineTally;
import io.mongolatest.latest.Quarantine;
import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.latest.input.InputFile;
import io.mongolatest.latest.records.IdDigest;
import io.mongolatest.latest.records.InputLines;
import io.mongolatest.storage.InputStore;

/**
 * Pass 1 of a collection: every version of every document, as small rows without the document text.
 * Blank lines are counted; bad lines are counted and quarantined. One split per input file, checked to be as
 * the run's input listed it before and after it is read ({@link InputLines#checkUnchanged}).
 */
final class VersionSource extends CollectionSource {
    static final List<SourceColumn> COLUMNS = List.of(new SourceColumn("pos", ColumnType.BIGINT),
            new SourceColumn("id", ColumnType.VARCHAR), new SourceColumn("ts", ColumnType.TIMESTAMP),
            new SourceColumn("ts_nanos", ColumnType.INTEGER), new SourceColumn("created", ColumnType.TIMESTAMP),
            new SourceColumn("removed", ColumnType.BOOLEAN), new SourceColumn("id_digest", ColumnType.BIGINT));

    private final Quarantine quarantine;
    private final LineTally tally;
    private final Spill spill;

    VersionSource(InputStore store, CollectionInput input, int first, Quarantine quarantine, LineTally tally,
                  Spill spill) {
        super(store, input, first, COLUMNS);
        this.spill = requireNonNull(spill, "spill is null");
        this.quarantine = requireNonNull(quarantine, "quarantine is null");
        this.tally = requireNonNull(tally, "tally is null");
    }

    @Override
    public SplitReader open(int split) {
        return new Reader(fileIndex(split), input.files().get(fileIndex(split)));
    }

    private final class Reader implements SplitReader {
        private final InputFile file;
        private final FileVersions versions;
        private boolean read;

        Reader(int fileIndex, InputFile file) {
            this.file = file;
            InputLines.checkUnchanged(store, file);
            this.versions = new FileVersions(InputLines.open(store, file, in -> spill.tee(fileIndex, file, in)),
                    fileIndex, file, quarantine);
        }

        @Override
        public int read(RowBatch batch) {
            int n = 0;
            while (n < batch.capacity() && !read) {
                if (!versions.next()) {
                    read = true;
                    // what was read is the file as listed only if the file is still so at the end
                    InputLines.checkUnchanged(store, file);
                    break;
                }
                batch.setLong(0, n, versions.offsetPosition());
                batch.setText(1, n, versions.id());
                batch.setLong(2, n, versions.versionMicros());
                batch.setLong(3, n, versions.versionNanos());
                if (versions.hasCreated()) {
                    batch.setLong(4, n, versions.createdMicros());
                } else {
                    batch.setNull(4, n);
                }
                batch.setBoolean(5, n, versions.removed());
                batch.setLong(6, n, IdDigest.of(versions.id()));
                n++;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            tally.add(versions.tally());
            versions.close();
        }
    }
}
