package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.iceberg.Schema;

import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;

/**
 * What a reader of a table at one snapshot reads, as iceberg-core plans it: its data files, each with the
 * position-delete files that may delete rows of it. A row at 0-based position {@code pos} of data file
 * {@code path} is deleted when a delete file holds the row {@code (file_path = path, pos)}.
 *
 * @param schema the table's columns, with their field ids
 */
public record TableScan(TableName table, long snapshotId, Schema schema, List<DataFileRef> files) {
    public TableScan {
        requireNonNull(table, "table is null");
        requireNonNull(schema, "schema is null");
        files = List.copyOf(files);
    }

    /**
     * @param path    the file, as the table's metadata names it (and as its delete files' {@code file_path} does)
     * @param deletes the position-delete files that apply to it
     */
    public record DataFileRef(Location path, long rows, List<Location> deletes) {
        public DataFileRef {
            requireNonNull(path, "path is null");
            deletes = List.copyOf(deletes);
        }
    }
}
