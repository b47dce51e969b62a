package io.mongolatest.product.build;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.mongolatest.engine.RowSource;
import io.mongolatest.engine.SourceColumn;
import io.mongolatest.product.input.CollectionInput;
import io.mongolatest.storage.InputStore;

/** A row source over the files of one collection: one split per file, in the collection's file order. */
abstract class CollectionSource implements RowSource {
    final InputStore store;
    final CollectionInput input;
    private final List<SourceColumn> columns;

    CollectionSource(InputStore store, CollectionInput input, List<SourceColumn> columns) {
        this.store = requireNonNull(store, "store is null");
        this.input = requireNonNull(input, "input is null");
        this.columns = List.copyOf(columns);
    }

    @Override
    public final List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public final int splitCount() {
        return input.files().size();
    }
}
