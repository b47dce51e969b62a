package io.mongolatest.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A reusable block of rows that a {@link RowSource.SplitReader} fills column by column and the engine
 * copies into its own vectors. Numbers, booleans, dates and timestamps are held as longs, text as UTF-8.
 */
public final class RowBatch {
    private final List<SourceColumn> columns;
    private final int capacity;
    private final long[][] longs;
    private final byte[][][] texts;
    private final boolean[][] nulls;

    public RowBatch(List<SourceColumn> columns, int capacity) {
        this.columns = List.copyOf(columns);
        this.capacity = capacity;
        this.longs = new long[columns.size()][];
        this.texts = new byte[columns.size()][][];
        this.nulls = new boolean[columns.size()][capacity];
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).type() == ColumnType.VARCHAR) {
                texts[c] = new byte[capacity][];
            } else {
                longs[c] = new long[capacity];
            }
        }
    }

    public int capacity() {
        return capacity;
    }

    public List<SourceColumn> columns() {
        return columns;
    }

    public void setLong(int column, int row, long value) {
        longs[column][row] = value;
        nulls[column][row] = false;
    }

    public void setBoolean(int column, int row, boolean value) {
        setLong(column, row, value ? 1 : 0);
    }

    /** Sets text given as UTF-8 bytes; the batch keeps the array until it is copied, so do not reuse it. */
    public void setText(int column, int row, byte[] utf8) {
        texts[column][row] = utf8;
        nulls[column][row] = utf8 == null;
    }

    public void setNull(int column, int row) {
        nulls[column][row] = true;
        if (texts[column] != null) {
            texts[column][row] = null;
        }
    }

    long getLong(int column, int row) {
        return longs[column][row];
    }

    boolean isNull(int column, int row) {
        return nulls[column][row];
    }

    /** The first {@code rows} texts of a VARCHAR column, nulls included. */
    byte[][] texts(int column, int rows) {
        return Arrays.copyOf(texts[column], rows);
    }

    /** Forgets the text references of the rows copied, so that their arrays can be collected. */
    void clear(int rows) {
        for (byte[][] t : texts) {
            if (t != null) {
                Arrays.fill(t, 0, rows, null);
            }
        }
    }
}
