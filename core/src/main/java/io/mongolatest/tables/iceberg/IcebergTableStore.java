package io.mongolatest.tables.iceberg;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.iceberg.BaseTable;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.Locations;
import io.mongolatest.storage.TableName;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.CommittedTable;
import io.mongolatest.tables.SnapshotInfo;
import io.mongolatest.tables.TableChange;
import io.mongolatest.tables.TableScan;
import io.mongolatest.tables.TableSnapshot;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.WrittenFile;

/**
 * The tables of a warehouse as Iceberg format-v2 tables in a catalog, through iceberg-core alone. A table's
 * change is one commit that names every file of its new content and removes every file of the old (so a lost
 * race is re-planned on the new base and stays a whole replacement); an outcome the catalog cannot tell is
 * settled by looking for the commit's own id in the table's snapshots. Files are never deleted here: every table
 * keeps {@code gc.enabled=false}, as tables may share files, and files no snapshot names are removed later, by age.
 */
public final class IcebergTableStore implements TableStore {
    private static final Logger LOG = LoggerFactory.getLogger(IcebergTableStore.class);
    /** The summary key that names one commit, so that a commit whose outcome is unknown can be found. */
    static final String COMMIT_ID = SnapshotInfo.PREFIX + "commit-id";
    private static final int ATTEMPTS = 10;
    /** Where a commit writes its manifests: see {@link CallerRunsExecutor}. */
    private static final CallerRunsExecutor IN_CALLER = new CallerRunsExecutor();
    private static final Map<String, String> TABLE_PROPERTIES = Map.of(
            TableProperties.FORMAT_VERSION, "2",
            TableProperties.GC_ENABLED, "false",
            TableProperties.PARQUET_COMPRESSION, "zstd");

    private final Location warehouse;
    private final CatalogSpec spec;
    private final Map<String, String> properties;
    private final Supplier<OpenCatalog> opener;
    private final BooleanSupplier exists;
    private final FileArea files;
    /** The catalog's own file access, for files the store copies or opens itself. */
    private final FileIO io;
    private OpenCatalog open;
    private final Set<String> knownNamespaces = ConcurrentHashMap.newKeySet();
    private final SnapshotContents contents = new SnapshotContents();

    /** A store on a catalog that is open already. */
    public IcebergTableStore(Location warehouse, CatalogSpec spec, OpenCatalog open, FileArea files) {
        this(warehouse, spec, open.properties(), () -> open, () -> true, files);
        this.open = open;
    }

    /**
     * A store whose catalog is opened when first needed: a write opens it with {@code opener} (which may create
     * it), a read only when {@code exists} says there is one, so that a store nobody writes creates nothing.
     *
     * @param properties the catalog's properties, as {@code opener} opens it with them
     */
    public IcebergTableStore(Location warehouse, CatalogSpec spec, Map<String, String> properties,
                             Supplier<OpenCatalog> opener, BooleanSupplier exists, FileArea files) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.properties = Map.copyOf(properties);
        this.opener = requireNonNull(opener, "opener is null");
        this.exists = requireNonNull(exists, "exists is null");
        this.files = requireNonNull(files, "files is null");
        this.io = CatalogUtil.loadFileIO(this.properties.getOrDefault(CatalogProperties.FILE_IO_IMPL,
                WarehouseFileIO.class.getName()), this.properties, null);
    }

    /** The catalog, opened (and made, where the opener makes it) if it is not yet. */
    private synchronized Catalog iceberg() {
        if (open == null) {
            open = opener.get();
        }
        return open.catalog();
    }

    /** The catalog to read, unless there is none yet: nothing is made to be read. */
    private synchronized Optional<Catalog> readable() {
        if (open == null && !exists.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of(iceberg());
    }

    @Override
    public Location warehouse() {
        return warehouse;
    }

    @Override
    public CatalogSpec catalog() {
        return spec;
    }

    @Override
    public Map<String, String> catalogProperties() {
        return properties;
    }

    @Override
    public FileArea files() {
        return files;
    }

    @Override
    public List<String> databases() {
        List<String> out = new ArrayList<>();
        if (readable().isEmpty()) {
            return out;
        }
        for (Namespace ns : namespaces().listNamespaces()) {
            if (ns.levels().length == 1 && TableName.isValidPart(ns.level(0)) && !tables(ns.level(0)).isEmpty()) {
                out.add(ns.level(0));
            }
        }
        out.sort(null);
        return out;
    }

    @Override
    public List<String> tables(String database) {
        Namespace ns = Namespace.of(database);
        // Glue's catalog lists a missing database with the SDK's own EntityNotFoundException, not Iceberg's.
        if (readable().isEmpty() || !namespaces().namespaceExists(ns)) {
            return List.of();
        }
        try {
            return iceberg().listTables(ns).stream().map(TableIdentifier::name)
                    .filter(TableName::isValidPart).sorted().toList();
        } catch (NoSuchNamespaceException e) {
            return List.of();
        }
    }

    @Override
    public Optional<TableSnapshot> current(TableName table) {
        return load(table).flatMap(t -> Optional.ofNullable(t.currentSnapshot()).map(s -> snapshotOf(table, t, s)));
    }

    @Override
    public List<TableSnapshot> history(TableName table) {
        return load(table).map(t -> t.history().stream().map(h -> t.snapshot(h.snapshotId()))
                .filter(java.util.Objects::nonNull).map(s -> snapshotOf(table, t, s)).toList()).orElse(List.of());
    }

    @Override
    public Optional<TableSnapshot> snapshot(TableName table, long snapshotId) {
        return load(table).flatMap(t -> Optional.ofNullable(t.snapshot(snapshotId)).map(s -> snapshotOf(table, t, s)));
    }

    @Override
    public Schema schemaFor(TableName table, Schema wanted) {
        // Every column may hold nulls, as every engine's query results may: a writer never has to prove otherwise.
        Schema columns = new Schema(wanted.columns().stream().map(Types.NestedField::asOptional).toList());
        Optional<Table> existing = load(table);
        if (existing.isEmpty()) {
            AtomicInteger next = new AtomicInteger();
            return TypeUtil.assignFreshIds(columns, next::incrementAndGet);
        }
        Schema now = existing.get().schema();
        if (sameColumns(now, columns)) {
            return now;
        }
        // As Iceberg numbers a replaced table's columns: the old ids by name, new ones after the last id used.
        AtomicInteger last = new AtomicInteger(((BaseTable) existing.get()).operations().current().lastColumnId());
        return TypeUtil.assignFreshIds(columns, now, last::incrementAndGet);
    }

    @Override
    public Location dataLocation(TableName table) {
        return tableLocation(table).resolve("data");
    }

    @Override
    public TableChange replace(TableName table, Schema schema, List<WrittenFile> written) {
        requireNonNull(schema, "schema is null");
        Location data = dataLocation(table);
        List<DataFile> out = new ArrayList<>();
        long rows = 0;
        for (WrittenFile f : written) {
            Location in = placed(f.location(), data);
            out.add(DataFiles.builder(PartitionSpec.unpartitioned()).withPath(in.toString())
                    .withFormat(FileFormat.PARQUET).withFileSizeInBytes(f.bytes()).withRecordCount(f.rows())
                    .withMetrics(new Metrics(f.rows(), null, null, f.nullCounts().isEmpty() ? null : f.nullCounts(),
                            null)).build());
            rows += f.rows();
        }
        return new Replace(table, schema, out, List.of(), rows);
    }

    @Override
    public TableChange shareOf(TableName table, TableName source, long snapshotId) {
        SnapshotContents.Content content = content(source, snapshotId);
        Schema target = schemaFor(table, content.schema());
        if (!sameIds(target, content.schema())) {
            throw new IllegalStateException(table + " numbers its columns unlike " + source
                    + ": its files cannot be shared");
        }
        return new Replace(table, target, content.data(), content.allDeletes(), content.rows());
    }

    /** The files of {@code table} at {@code snapshotId}: known to this store already, or planned now. */
    private SnapshotContents.Content content(TableName table, long snapshotId) {
        Optional<SnapshotContents.Content> known = contents.get(table, snapshotId);
        if (known.isPresent()) {
            return known.get();
        }
        Table t = load(table).orElseThrow(() -> new IllegalStateException("no table " + table));
        Snapshot s = t.snapshot(snapshotId);
        if (s == null) {
            throw new IllegalStateException(table + " has no snapshot " + snapshotId);
        }
        return contents.of(table, t, s);
    }

    @Override
    public TableChange drop(TableName table) {
        return new Drop(table);
    }

    @Override
    public List<CommittedTable> commit(List<TableChange> changes, SnapshotInfo info) {
        List<CommittedTable> out = new ArrayList<>();
        for (TableChange c : changes) {
            if (c instanceof Drop d) {
                iceberg().dropTable(id(d.table()), false);
                out.add(new CommittedTable(d.table(), OptionalLong.empty(), 0));
            } else if (c instanceof Replace r) {
                out.add(new CommittedTable(r.table(), OptionalLong.of(commitReplace(r, info)), r.rows()));
            } else {
                throw new IllegalArgumentException("not a change of this store: " + c);
            }
        }
        return out;
    }

    @Override
    public TableScan scan(TableName table, long snapshotId) {
        SnapshotContents.Content content = content(table, snapshotId);
        List<TableScan.DataFileRef> refs = new ArrayList<>();
        for (DataFile f : content.data()) {
            refs.add(new TableScan.DataFileRef(location(f.location()), f.recordCount(), content.deletes()
                    .getOrDefault(f.location(), List.of()).stream().map(d -> location(d.location())).toList()));
        }
        return new TableScan(table, snapshotId, content.schema(), refs);
    }

    @Override
    public List<Location> removeOrphans(Instant before) {
        Set<String> named = new HashSet<>();
        List<String> databases = new ArrayList<>();
        if (readable().isEmpty()) {
            return List.of();
        }
        Catalog catalog = iceberg();
        for (Namespace ns : namespaces().listNamespaces()) {
            if (ns.levels().length != 1) {
                continue;
            }
            databases.add(ns.level(0));
            for (TableIdentifier id : catalog.listTables(ns)) {
                try {
                    named.addAll(filesOf(catalog.loadTable(id)));
                } catch (NoSuchTableException e) {
                    // dropped meanwhile: its files are orphans, removed by a later pass
                }
            }
        }
        List<Location> removed = new ArrayList<>();
        for (String db : databases) {
            if (!TableName.isValidPart(db)) {
                continue;
            }
            String prefix = warehouse.resolve(db) + "/";
            for (FileInfo f : ((SupportsPrefixOperations) io).listPrefix(prefix)) {
                String path = normalised(f.location());
                if (!inTableFolder(path.substring(Math.min(path.length(), normalised(prefix).length())))
                        || named.contains(path) || f.createdAtMillis() >= before.toEpochMilli()) {
                    continue;
                }
                io.deleteFile(f.location());
                removed.add(location(path));
            }
        }
        return removed;
    }

    /** {@code <table>/data/...} or {@code <table>/metadata/...}: the folders Iceberg writes a table's files into. */
    private static boolean inTableFolder(String belowDatabase) {
        String[] parts = belowDatabase.split("/");
        return parts.length >= 3 && TableName.isValidPart(parts[0])
                && (parts[1].equals("data") || parts[1].equals("metadata"));
    }

    /** Every file a table's metadata names: metadata files, manifest lists, manifests, data and delete files. */
    private Set<String> filesOf(Table table) {
        Set<String> out = new HashSet<>();
        TableMetadata meta = ((HasTableOperations) table).operations().current();
        out.add(normalised(meta.metadataFileLocation()));
        meta.previousFiles().forEach(e -> out.add(normalised(e.file())));
        meta.statisticsFiles().forEach(st -> out.add(normalised(st.path())));
        Set<String> manifests = new HashSet<>();
        for (Snapshot s : table.snapshots()) {
            if (s.manifestListLocation() != null) {
                out.add(normalised(s.manifestListLocation()));
            }
            for (ManifestFile m : s.allManifests(table.io())) {
                if (!manifests.add(m.path())) {
                    continue;
                }
                out.add(normalised(m.path()));
                try (CloseableIterable<? extends ContentFile<?>> files = m.content() == ManifestContent.DATA
                        ? ManifestFiles.read(m, table.io(), table.specs())
                        : ManifestFiles.readDeleteManifest(m, table.io(), table.specs())) {
                    files.forEach(f -> out.add(normalised(f.location())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** A file's location as metadata and listings may both spell it: no {@code file:} prefix. */
    private static String normalised(String location) {
        return location.startsWith("file:") ? WarehouseFileIO.local(location).getPath() : location;
    }

    @Override
    public InputStream open(Location file) {
        return io().newInputFile(file.toString()).newStream();
    }

    @Override
    public synchronized void close() {
        try {
            io.close();
        } finally {
            if (open != null) {
                open.close();
            }
        }
    }

    /** The location of {@code table}: where it is, or {@code <warehouse>/<database>/<table>} for a new one. */
    Location tableLocation(TableName table) {
        return load(table).map(t -> location(t.location()))
                .orElseGet(() -> warehouse.resolve(table.database()).resolve(table.table()));
    }

    private long commitReplace(Replace r, SnapshotInfo info) {
        String commitId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                return commitOnce(r, info, commitId);
            } catch (CommitStateUnknownException e) {
                // The catalog may have taken it: only the table can tell, never a blind second commit.
                OptionalLong found = findCommit(r.table(), commitId);
                if (found.isPresent()) {
                    return found.getAsLong();
                }
                LOG.warn("the commit of {} may not have happened ({}): trying again", r.table(), e.getMessage());
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            } catch (CommitFailedException | ValidationException | AlreadyExistsException e) {
                // Another writer changed the table first: a whole replacement is still valid on its new content.
                if (attempt >= ATTEMPTS) {
                    throw MongoLatestException.external("cannot commit " + r.table() + ": another writer changed it "
                            + ATTEMPTS + " times meanwhile (" + e.getMessage() + ")", e);
                }
                LOG.info("{} changed while it was committed ({}): committing on its new content", r.table(),
                        e.getMessage());
            }
        }
    }

    private long commitOnce(Replace r, SnapshotInfo info, String commitId) {
        Optional<Table> existing = load(r.table());
        namespaceFor(r.table());
        Transaction tx;
        Snapshot base = null;
        if (existing.isEmpty()) {
            tx = iceberg().buildTable(id(r.table()), r.schema()).withLocation(tableLocation(r.table()).toString())
                    .withProperties(TABLE_PROPERTIES).createTransaction();
        } else if (!sameColumns(existing.get().schema(), r.schema())) {
            tx = iceberg().buildTable(id(r.table()), r.schema()).withLocation(existing.get().location())
                    .withProperties(TABLE_PROPERTIES).replaceTransaction();
        } else {
            tx = existing.get().newTransaction();
            base = existing.get().currentSnapshot();
        }
        checkIds(r, tx.table().schema());
        RowDelta delta = tx.newRowDelta().scanManifestsWith(IN_CALLER);
        if (base != null) {
            SnapshotContents.Content old = contents.of(r.table(), existing.get(), base);
            old.data().forEach(delta::removeRows);
            old.allDeletes().forEach(delta::removeDeletes);
            delta.validateFromSnapshot(base.snapshotId()).validateNoConflictingDataFiles()
                    .validateNoConflictingDeleteFiles();
        }
        r.data().forEach(delta::addRows);
        r.deletes().forEach(delta::addDeletes);
        info.summary().forEach(delta::set);
        delta.set(COMMIT_ID, commitId);
        delta.commit();
        tx.commitTransaction();
        // The transaction's table is the metadata it committed: its snapshot is ours unless Iceberg says otherwise.
        Snapshot committed = tx.table().currentSnapshot();
        if (committed != null && commitId.equals(committed.summary().get(COMMIT_ID))) {
            if (r.deletes().isEmpty()) {
                // Exactly the files just named: registering or sharing the table next needs no planning.
                contents.put(r.table(), committed.snapshotId(), new SnapshotContents.Content(tx.table().schema(),
                        r.data(), Map.of(), r.rows()));
            }
            return committed.snapshotId();
        }
        return findCommit(r.table(), commitId).orElseThrow(() -> new IllegalStateException(
                "the commit of " + r.table() + " is not in its snapshots"));
    }

    /** The files were written with the ids of {@link #schemaFor}: the table's columns must still have them. */
    private static void checkIds(Replace r, Schema committing) {
        if (!sameIds(committing, r.schema())) {
            // Not a race to retry: the files carry ids the table no longer gives those columns.
            throw MongoLatestException.external("the columns of " + r.table() + " changed while its files were"
                    + " written (" + r.schema().asStruct() + ", now " + committing.asStruct() + "): run the step again",
                    null);
        }
    }

    private OptionalLong findCommit(TableName table, String commitId) {
        Optional<Table> t = load(table);
        if (t.isEmpty()) {
            return OptionalLong.empty();
        }
        for (Snapshot s : t.get().snapshots()) {
            if (commitId.equals(s.summary().get(COMMIT_ID))) {
                return OptionalLong.of(s.snapshotId());
            }
        }
        return OptionalLong.empty();
    }

    /** A file written elsewhere (on this machine, for a warehouse on S3) is copied below the table's data folder. */
    private Location placed(Location file, Location data) {
        if (file.toString().startsWith(data.toString() + "/")) {
            return file;
        }
        if (!(file instanceof LocalLocation local)) {
            throw new IllegalArgumentException(file + " is not below " + data);
        }
        Location target = data.resolve(local.path().getFileName().toString());
        OutputFile out = io().newOutputFile(target.toString());
        try (OutputStream o = out.createOrOverwrite()) {
            Files.copy(local.path(), o);
        } catch (IOException e) {
            throw MongoLatestException.external("cannot copy " + file + " to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private Optional<Table> load(TableName table) {
        Optional<Table> t;
        try {
            t = readable().map(c -> c.loadTable(id(table)));
        } catch (NoSuchTableException e) {
            return Optional.empty();
        }
        t.ifPresent(loaded -> checkInWarehouse(table, loaded));
        return t;
    }

    /**
     * A catalog shared by two warehouses names each table once: the other warehouse's table would be read, and
     * written into its folder (another bucket, another environment). Refused before anything reads or writes it.
     */
    private void checkInWarehouse(TableName table, Table loaded) {
        String root = normalised(warehouse.toString()).replaceAll("/+$", "");
        String at = normalised(loaded.location());
        if (!at.equals(root) && !at.startsWith(root + "/")) {
            throw MongoLatestException.user("the table " + table + " in catalog " + spec + " is at " + at
                    + ", outside the warehouse " + warehouse + ": that catalog holds another warehouse's tables;"
                    + " give each warehouse a catalog of its own (--catalog)");
        }
    }

    private void namespaceFor(TableName table) {
        Namespace ns = Namespace.of(table.database());
        // A namespace is never dropped by the product: once seen, it is there for the rest of the process.
        if (knownNamespaces.contains(table.database())) {
            return;
        }
        if (!namespaces().namespaceExists(ns)) {
            try {
                namespaces().createNamespace(ns);
            } catch (AlreadyExistsException e) {
                // made meanwhile by another writer: as good
            }
        }
        knownNamespaces.add(table.database());
    }

    private SupportsNamespaces namespaces() {
        if (iceberg() instanceof SupportsNamespaces ns) {
            return ns;
        }
        throw new IllegalStateException("the catalog " + spec + " has no namespaces");
    }

    private FileIO io() {
        return io;
    }

    private static TableIdentifier id(TableName table) {
        return TableIdentifier.of(table.database(), table.table());
    }

    private static Location location(String path) {
        return Locations.parse(path.startsWith("file:") ? WarehouseFileIO.local(path).getPath() : path, "a table file");
    }

    private static TableSnapshot snapshotOf(TableName name, Table t, Snapshot s) {
        Schema schema = s.schemaId() == null ? t.schema() : t.schemas().getOrDefault(s.schemaId(), t.schema());
        return new TableSnapshot(name, s.snapshotId(), s.parentId() == null ? OptionalLong.empty()
                : OptionalLong.of(s.parentId()), Instant.ofEpochMilli(s.timestampMillis()), s.summary(), schema);
    }

    /** The same column names and types in the same order, whatever their ids. */
    static boolean sameColumns(Schema a, Schema b) {
        List<Types.NestedField> x = a.columns();
        List<Types.NestedField> y = b.columns();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).name().equals(y.get(i).name()) || !sameType(x.get(i).type(), y.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameType(Type a, Type b) {
        return a.isPrimitiveType() && b.isPrimitiveType() ? a.equals(b)
                : TypeUtil.assignIncreasingFreshIds(new Schema(Types.NestedField.optional(1, "x", a))).sameSchema(
                        TypeUtil.assignIncreasingFreshIds(new Schema(Types.NestedField.optional(1, "x", b))));
    }

    private static boolean sameIds(Schema a, Schema b) {
        return a.asStruct().equals(b.asStruct());
    }

    private record Replace(TableName table, Schema schema, List<DataFile> data, List<DeleteFile> deletes, long rows)
            implements TableChange {
    }

    private record Drop(TableName table) implements TableChange {
        @Override
        public long rows() {
            return 0;
        }
    }
}
