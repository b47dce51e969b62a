package io.mongolatest.tables;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.iceberg.Schema;

import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.TableName;

/**
 * The product's tables: Apache Iceberg format-v2 tables in a catalog (SPEC §7), their files below a warehouse
 * location; a database is a namespace. Engines write a table's rows as Parquet files carrying the field ids of
 * {@link #schemaFor}, below {@link #dataLocation}; nothing of them is visible until {@link #commit} makes each
 * table's change one Iceberg commit, table after table. One contract suite checks every catalog.
 */
public interface TableStore extends AutoCloseable {

    /** Where the tables' files are: a local folder or an S3 prefix. */
    Location warehouse();

    /** The catalog, for messages and the run's record: {@code sqlite <path>}, {@code glue}, ... */
    CatalogSpec catalog();

    /**
     * What an Iceberg client in another library (Spark's {@code SparkCatalog}) needs to open the same catalog, by
     * Iceberg's catalog property names ({@code catalog-impl}, {@code uri}, {@code warehouse}, {@code io-impl}, ...).
     */
    Map<String, String> catalogProperties();

    /** Plain files kept beside the tables (quarantine, run records). */
    FileArea files();

    /** The databases that have a table, in name order. */
    List<String> databases();

    /** The tables of {@code database}, in name order; empty when it has none. */
    List<String> tables(String database);

    /** The snapshot readers of the catalog see now; empty when the table does not exist or has no snapshot. */
    Optional<TableSnapshot> current(TableName table);

    /** The snapshots that were current, oldest first (Iceberg's snapshot log); empty when there is no table. */
    List<TableSnapshot> history(TableName table);

    /** The snapshot {@code snapshotId} of {@code table}; empty when it has none of that id (expired, or never). */
    Optional<TableSnapshot> snapshot(TableName table, long snapshotId);

    /**
     * The schema, with field ids, that files written now for {@code table} must have, to hold the columns of
     * {@code columns} (their names, types and order; their ids are not used): the table's own ids for columns it
     * has with the same type, new ids for the others. A change of columns replaces the table's schema when the
     * change commits.
     */
    Schema schemaFor(TableName table, Schema columns);

    /** Where an engine writes new data files of {@code table} (names of its own, never reused). */
    Location dataLocation(TableName table);

    /**
     * A change that makes {@code files} (written with {@code schema}, from {@link #schemaFor}) the whole of
     * {@code table}; nothing is committed yet. Files written on this machine for a warehouse elsewhere are copied
     * to {@link #dataLocation} here.
     */
    TableChange replace(TableName table, Schema schema, List<WrittenFile> files);

    /**
     * A change that makes {@code table} hold exactly the rows of {@code source} at {@code snapshotId}, by naming
     * the same files: nothing is copied (a latest table published unredacted).
     */
    TableChange shareOf(TableName table, TableName source, long snapshotId);

    /** A change that drops {@code table} from the catalog; its files stay for older snapshots. */
    TableChange drop(TableName table);

    /**
     * Commits {@code changes} in order, one Iceberg commit per table, each snapshot's summary carrying
     * {@code info}: a lost race is retried while the change is still valid, an unknown outcome settled by
     * reading the table back. Returns the snapshot each table is now at (none for a dropped table). A failure
     * leaves the tables before it committed and those after it as they were.
     */
    List<CommittedTable> commit(List<TableChange> changes, SnapshotInfo info);

    /** The files a reader of {@code table} at {@code snapshotId} reads: data files and the position deletes. */
    TableScan scan(TableName table, long snapshotId);

    /**
     * Deletes the files below the tables' folders that no snapshot, manifest or metadata file of any table of the
     * catalog names and that were last changed before {@code before}; returns them. Never part of a commit: a file
     * a writer is about to commit is younger than any sane safety age.
     */
    List<Location> removeOrphans(java.time.Instant before);

    /** The bytes of a data or delete file of the warehouse, as a scan names it. */
    InputStream open(Location file);

    @Override
    void close();
}
