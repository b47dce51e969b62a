package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;

import io.mongolatest.engine.ColumnType;
import io.mongolatest.engine.RowBatch;
import io.mongolatest.engine.SourceColumn;
import io.mongolatest.product.input.CollectionInput;
import io.mongolatest.product.input.InputFile;
import io.mongolatest.product.records.BadReason;
import io.mongolatest.product.records.InputLines;
import io.mongolatest.product.records.LineReader;
import io.mongolatest.product.records.RecordParser;
import io.mongolatest.product.records.Utf8;
import io.mongolatest.storage.InputStore;

/**
 * Pass 1 of a collection: every version of every document, as small rows without the document text.
 * Blank lines are counted; bad lines are counted and quarantined. One split per input file.
 */
final class VersionSource extends CollectionSource {
    static final List<SourceColumn> COLUMNS = List.of(new SourceColumn("pos", ColumnType.BIGINT),
            new SourceColumn("id", ColumnType.VARCHAR), new SourceColumn("ts", ColumnType.TIMESTAMP),
            new SourceColumn("ts_nanos", ColumnType.INTEGER), new SourceColumn("created", ColumnType.TIMESTAMP),
            new SourceColumn("removed", ColumnType.BOOLEAN));

    private final Quarantine quarantine;
    private final LineTally tally;
    private final Spill spill;

    VersionSource(InputStore store, CollectionInput input, Quarantine quarantine, LineTally tally, Spill spill) {
        super(store, input, COLUMNS);
        this.spill = requireNonNull(spill, "spill is null");
        this.quarantine = requireNonNull(quarantine, "quarantine is null");
        this.tally = requireNonNull(tally, "tally is null");
    }

    @Override
    public SplitReader open(int split) {
        return new Reader(split, input.files().get(split));
    }

    private final class Reader implements SplitReader {
        private final int fileIndex;
        private final InputFile file;
        private final LineReader lines;
        private final RecordParser parser = new RecordParser();
        private final LineTally mine = new LineTally();

        Reader(int fileIndex, InputFile file) {
            this.fileIndex = fileIndex;
            this.file = file;
            this.lines = InputLines.open(store, file, in -> spill.tee(fileIndex, file, in));
        }

        @Override
        public int read(RowBatch batch) {
            int n = 0;
            try {
                while (n < batch.capacity() && lines.next()) {
                    mine.line();
                    if (lines.isTooLong()) {
                        byte[] p = lines.preview();
                        bad(BadReason.TOO_LONG, "the line has " + lines.tooLongLength() + " bytes, over the limit of "
                                + LineReader.MAX_LINE, p, 0, p.length, lines.tooLongLength());
                        continue;
                    }
                    byte[] b = lines.buffer();
                    int off = lines.start();
                    int len = lines.length();
                    if (InputLines.isBlank(b, off, len)) {
                        mine.blank();
                        continue;
                    }
                    if (!Utf8.isValid(b, off, len)) {
                        bad(BadReason.INVALID_UTF8, "the line is not valid UTF-8", b, off, len, len);
                        continue;
                    }
                    parser.parse(b, off, len);
                    if (parser.bad != null) {
                        bad(parser.bad, parser.problem, b, off, len, len);
                        continue;
                    }
                    mine.loaded();
                    batch.setLong(0, n, InputLines.position(fileIndex, lines.lineNumber()));
                    batch.setText(1, n, parser.id);
                    batch.setLong(2, n, parser.versionMicros);
                    batch.setLong(3, n, parser.versionNanos);
                    if (parser.hasCreated) {
                        batch.setLong(4, n, parser.createdMicros);
                    } else {
                        batch.setNull(4, n);
                    }
                    batch.setBoolean(5, n, parser.removed);
                    n++;
                }
            } catch (IOException e) {
                throw InputLines.unreadable(file, e);
            }
            return n;
        }

        private void bad(BadReason reason, String problem, byte[] b, int off, int len, long fullLength) {
            mine.bad(reason);
            quarantine.add(file.relativePath(), lines.lineNumber(), reason, problem, b, off, len, fullLength);
        }

        @Override
        public void close() throws IOException {
            tally.add(mine);
            lines.close();
        }
    }
}
