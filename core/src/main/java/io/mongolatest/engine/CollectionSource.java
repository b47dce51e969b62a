package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.mongolatest.latest.input.CollectionInput;
import io.mongolatest.storage.InputStore;

/**
 * A row source over the files of one collection from file {@code first} on (a delta build reads only the new
 * ones): one split per file, in the collection's file order.
 */
abstract class CollectionSource implements RowSource {
    final InputStore store;
    final CollectionInput input;
    final int first;
    private final List<SourceColumn> columns;

    CollectionSource(InputStore store, CollectionInput input, int first, List<SourceColumn> columns) {
        this.store = requireNonNull(store, "store is null");
        this.input = requireNonNull(input, "input is null");
        if (first < 0 || first > input.files().size()) {
            throw new IllegalArgumentException("no file " + first + " in " + input.key());
        }
        this.first = first;
        this.columns = List.copyOf(columns);
    }

    /** The index of split {@code split}'s file in the collection's file order: part of every position. */
    final int fileIndex(int split) {
        return first + split;
    }

    @Override
    public final List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public final int splitCount() {
        return input.files().size() - first;
    }
}
