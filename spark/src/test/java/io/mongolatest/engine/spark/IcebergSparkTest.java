package io.mongolatest.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.TableName;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ProxyExtension;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.storage.s3.SystemPropertyCredentials;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.WrittenFile;
import io.mongolatest.tables.iceberg.IcebergCatalogs;
import io.mongolatest.tables.iceberg.OpenCatalog;

/**
 * Rows written by Spark's own Parquet writer as an Iceberg table's data files (field ids, UTC microsecond
 * timestamps), committed with Iceberg's API, read back through Iceberg's Spark runtime at a snapshot.
 */
@ExtendWith({SharedSpark.class, S3ProxyExtension.class})
class IcebergSparkTest {
    /** Every column type of the product's tables, with NULLs, and instants around the epoch. */
    private static final String ROWS = "SELECT * FROM VALUES"
            + " ('c1', TIMESTAMP '2024-02-29 23:59:59.123456', CAST(9000000000 AS BIGINT), 7, true,"
            + "  DATE '2024-02-29', CAST('12.50' AS DECIMAL(18, 2)), 'd\u00e9j\u00e0 {\"a\":[1]}'),"
            + " ('c2', TIMESTAMP '1969-12-31 23:59:59.000001', NULL, NULL, NULL, NULL, NULL, NULL),"
            + " ('c3', NULL, CAST(-1 AS BIGINT), -2, false, DATE '1900-01-01', CAST('-0.01' AS DECIMAL(18, 2)), ''),"
            + " ('c4', TIMESTAMP '2038-01-19 03:14:08', CAST(0 AS BIGINT), 0, NULL, DATE '9999-12-31', NULL, 'x')"
            + " AS t(id, last_modified, big, small, flag, day, money, val)";
    private static final TableName TABLE = new TableName("db", "t");

    private final SparkSession spark;
    @TempDir
    Path dir;

    IcebergSparkTest(SparkSession spark) {
        this.spark = spark;
    }

    @Test
    void writesDataFilesWithFieldIdsThatIcebergReadsAtEachSnapshot() throws IOException {
        Path warehouse = dir.resolve("wh");
        SparkSession session = sessionOn(warehouse);
        SparkSqlSession sql = new SparkSqlSession(session);
        Dataset<Row> rows = session.sql(ROWS).repartition(2);
        Schema schema = IcebergDataFiles.schemaOf(rows);
        // What DuckDB's TIMESTAMPTZ, VARCHAR and BIGINT are in Iceberg, and Spark's others.
        assertThat(schema.columns()).extracting(Types.NestedField::fieldId).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(schema.columns()).extracting(f -> f.name() + " " + f.type()).containsExactly("id string",
                "last_modified timestamptz", "big long", "small int", "flag boolean", "day date",
                "money decimal(18, 2)", "val string");
        assertThat(schema.findType("last_modified")).isEqualTo(Types.TimestampType.withZone());

        try (OpenCatalog catalog = catalog(warehouse)) {
            // A table that lost a column, so that its ids are not the columns' positions, which is what a reader
            // falls back to for a file without ids.
            List<Types.NestedField> withGone = new ArrayList<>(schema.columns());
            withGone.add(0, Types.NestedField.optional(100, "gone", Types.StringType.get()));
            Table table = createTable(catalog, new Schema(withGone));
            table.updateSchema().deleteColumn("gone").commit();
            schema = table.schema();
            assertThat(schema.columns()).extracting(Types.NestedField::fieldId).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(table.location()).isEqualTo(warehouse.resolve("db/t").toString());
            LocalLocation data = LocalLocation.of(Path.of(table.location(), "data"));
            List<WrittenFile> files = new IcebergDataFiles(sql).write(rows, schema, data);

            assertThat(files).hasSize(2);
            Path folder = ((LocalLocation) files.get(0).location()).path().getParent();
            assertThat(folder.getParent()).isEqualTo(data.path());
            try (Stream<Path> listed = Files.list(folder)) {
                assertThat(listed.map(p -> (Location) LocalLocation.of(p))).as("data files only")
                        .containsExactlyInAnyOrderElementsOf(files.stream().map(WrittenFile::location).toList());
            }
            List<List<Object>> expected = values(session.sql(ROWS + " ORDER BY id"));
            assertThat(files.stream().mapToLong(WrittenFile::rows).sum()).isEqualTo(expected.size());
            Map<Integer, Long> nulls = new HashMap<>();
            for (WrittenFile f : files) {
                Path path = ((LocalLocation) f.location()).path();
                assertThat(f.bytes()).isEqualTo(Files.size(path));
                checkFooter(path, schema);
                f.nullCounts().forEach((id, n) -> nulls.merge(id, n, Long::sum));
            }
            assertThat(nulls).isEqualTo(nullsPerFieldId(expected, schema));

            long first = append(table, files);
            IcebergTableViews.show(sql, TABLE, first);
            assertThat(values(session.sql("SELECT * FROM db.t ORDER BY id"))).isEqualTo(expected);
            assertThat(values(session.sql("SELECT * FROM mongo_latest.db.t ORDER BY id"))).isEqualTo(expected);

            // A position delete, committed after the session's catalog loaded the table, drops c2 from the next
            // snapshot and from it only.
            long second = deleteRow(session, table, files, "c2");
            IcebergTableViews.show(sql, TABLE, second);
            List<List<Object>> withoutC2 = expected.stream().filter(r -> !r.get(0).equals("c2")).toList();
            assertThat(values(session.sql("SELECT * FROM db.t ORDER BY id"))).isEqualTo(withoutC2);
            assertThat(values(session.sql("SELECT * FROM mongo_latest.db.t VERSION AS OF " + first + " ORDER BY id")))
                    .isEqualTo(expected);

            // The files say val; the table now says note: read by field id, not by name.
            table.updateSchema().renameColumn("val", "note").commit();
            assertThat(values(session.sql("SELECT id, note FROM mongo_latest.db.t ORDER BY id")))
                    .isEqualTo(withoutC2.stream().map(r -> List.of(r.get(0), r.get(7))).toList());
        }
    }

    /**
     * The Iceberg catalog is a session's own; the views of Spark's in-memory catalog are the process's, as today
     * (a session opening a warehouse replaces them: {@link SparkCatalog}).
     */
    @Test
    void eachSessionOfTheProcessHasItsOwnIcebergCatalog() {
        SparkSession a = sessionOn(dir.resolve("a"));
        SparkSession b = sessionOn(dir.resolve("b"));
        long inA = tableOf(a, dir.resolve("a"), "SELECT 'in a' AS v");
        long inB = tableOf(b, dir.resolve("b"), "SELECT 'in b' AS v");
        IcebergTableViews.show(new SparkSqlSession(a), TABLE, inA);
        assertThat(values(a.sql("SELECT v FROM db.t"))).containsExactly(List.of("in a"));
        assertThat(values(b.sql("SELECT v FROM mongo_latest.db.t"))).containsExactly(List.of("in b"));
        assertThat(values(a.sql("SELECT v FROM mongo_latest.db.t"))).containsExactly(List.of("in a"));
        IcebergTableViews.show(new SparkSqlSession(b), TABLE, inB);
        assertThat(values(b.sql("SELECT v FROM db.t"))).containsExactly(List.of("in b"));
        assertThat(a.sql("SHOW CREATE TABLE db.t").first().getString(0)).as("b's view, seen by a")
                .contains("VERSION AS OF " + inB);

        // Spark keeps the catalog it loaded: other settings now would silently not apply.
        Map<String, String> other = properties(dir.resolve("b"));
        assertThatThrownBy(() -> IcebergCatalogConf.configure(a, other)).isInstanceOf(IllegalStateException.class);
        IcebergCatalogConf.configure(a, properties(dir.resolve("a")));
    }

    /**
     * On S3 (through Hadoop's S3A, as off EMR): the objects of the write's folder are its data files, no
     * {@code _SUCCESS} or {@code _temporary} left.
     */
    @Test
    void writesDataFilesToS3(S3ProxyServer s3) {
        S3Location data = s3.createBucket().resolve("wh/db/t/data");
        // What SparkEngine gives the Hadoop configuration for a warehouse on S3 here.
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        HadoopS3Settings.of(StorageSettings.of(s3.endpoint().toString()), false, Map.of()).forEach(hadoop::set);
        try (SystemPropertyCredentials credentials = SystemPropertyCredentials.of(s3)) {
            Dataset<Row> rows = spark.sql(ROWS).repartition(2);
            List<WrittenFile> files = new IcebergDataFiles(new SparkSqlSession(spark))
                    .write(rows, IcebergDataFiles.schemaOf(rows), data);
            assertThat(files).hasSize(2);
            assertThat(files.stream().mapToLong(WrittenFile::rows).sum()).isEqualTo(4);
            S3Location folder = (S3Location) files.get(0).location();
            String prefix = folder.key().substring(0, folder.key().lastIndexOf('/') + 1);
            assertThat(prefix).startsWith(data.key() + "/spark-");
            Map<String, Long> objects = new HashMap<>();
            s3.client().listObjectsV2Paginator(b -> b.bucket(data.bucket()).prefix(prefix)).contents()
                    .forEach(o -> objects.put("s3://" + data.bucket() + "/" + o.key(), o.size()));
            objects.keySet().removeIf(k -> k.endsWith("/")); // S3A's folder markers are no files
            Map<String, Long> written = new HashMap<>();
            files.forEach(f -> written.put(f.location().toString(), f.bytes()));
            assertThat(objects).isEqualTo(written);
        }
    }

    /** Iceberg's classes, the core's catalog and file access included, come from its Spark runtime only. */
    @Test
    void icebergClassesAreOnTheClassPathOnce() throws IOException {
        for (String name : List.of("org/apache/iceberg/Schema.class", "org/apache/iceberg/jdbc/JdbcCatalog.class",
                "org/apache/iceberg/aws/s3/S3FileIO.class", "org/apache/iceberg/spark/SparkCatalog.class")) {
            List<java.net.URL> copies = java.util.Collections.list(getClass().getClassLoader().getResources(name));
            assertThat(copies).as(name).hasSize(1);
            assertThat(copies.get(0).toString()).as(name).contains("iceberg-spark-runtime-4.0_2.13");
        }
    }

    @Test
    void rowsThatAreNotTheSchemasAreRefused() {
        Dataset<Row> rows = spark.sql("SELECT 'x' AS id, CAST(1 AS BIGINT) AS n");
        Schema swapped = new Schema(Types.NestedField.optional(1, "id", Types.LongType.get()),
                Types.NestedField.optional(2, "n", Types.StringType.get()));
        assertThatThrownBy(() -> IcebergDataFiles.withFieldIds(rows, swapped))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1");
        Schema fewer = new Schema(Types.NestedField.optional(1, "id", Types.StringType.get()));
        assertThatThrownBy(() -> IcebergDataFiles.withFieldIds(rows, fewer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns");
    }

    /** A new Spark session with the Iceberg catalog of {@code warehouse}. */
    private SparkSession sessionOn(Path warehouse) {
        SparkSession session = spark.newSession();
        IcebergCatalogConf.configure(session, properties(warehouse));
        return session;
    }

    private static Map<String, String> properties(Path warehouse) {
        return IcebergCatalogs.properties(new CatalogSpec(CatalogSpec.Kind.SQLITE, null), LocalLocation.of(warehouse),
                StorageSettings.defaults(), CatalogEndpoints.none());
    }

    /** The catalog of {@code warehouse}, made there on first use. */
    private static OpenCatalog catalog(Path warehouse) {
        try {
            Files.createDirectories(warehouse);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return IcebergCatalogs.open(new CatalogSpec(CatalogSpec.Kind.SQLITE, null), LocalLocation.of(warehouse),
                StorageSettings.defaults(), CatalogEndpoints.none());
    }

    private static Table createTable(OpenCatalog catalog, Schema schema) {
        ((SupportsNamespaces) catalog.catalog()).createNamespace(Namespace.of(TABLE.database()));
        return catalog.catalog().createTable(TableIdentifier.of(TABLE.database(), TABLE.table()), schema,
                PartitionSpec.unpartitioned(), Map.of("format-version", "2"));
    }

    /** {@code db.t} in a new table of {@code warehouse} holding the rows of {@code select}; its snapshot id. */
    private static long tableOf(SparkSession session, Path warehouse, String select) {
        Dataset<Row> rows = session.sql(select);
        Schema schema = IcebergDataFiles.schemaOf(rows);
        try (OpenCatalog catalog = catalog(warehouse)) {
            Table table = createTable(catalog, schema);
            return append(table, new IcebergDataFiles(new SparkSqlSession(session)).write(rows, schema,
                    LocalLocation.of(Path.of(table.location(), "data"))));
        }
    }

    private static long append(Table table, List<WrittenFile> files) {
        AppendFiles append = table.newAppend();
        for (WrittenFile f : files) {
            append.appendFile(DataFiles.builder(table.spec()).withPath(f.location().toString())
                    .withFileSizeInBytes(f.bytes()).withRecordCount(f.rows()).withFormat(FileFormat.PARQUET).build());
        }
        append.commit();
        return table.currentSnapshot().snapshotId();
    }

    /**
     * Commits a position-delete file, written by {@link IcebergDataFiles} too, for the row {@code id} (its
     * position as Spark's own Parquet reader numbers the file's rows); returns the new snapshot id.
     */
    private static long deleteRow(SparkSession session, Table table, List<WrittenFile> files, String id) {
        List<Row> deletes = new ArrayList<>();
        for (WrittenFile f : files) {
            Dataset<Row> positions = session.read().parquet(((LocalLocation) f.location()).path().toUri().toString())
                    .where("id = '" + id + "'").select("_metadata.row_index");
            positions.collectAsList()
                    .forEach(r -> deletes.add(RowFactory.create(f.location().toString(), r.getLong(0))));
        }
        assertThat(deletes).hasSize(1);
        StructType columns = new StructType().add("file_path", DataTypes.StringType, false)
                .add("pos", DataTypes.LongType, false);
        Schema deleteSchema = new Schema(MetadataColumns.DELETE_FILE_PATH, MetadataColumns.DELETE_FILE_POS);
        List<WrittenFile> written = new IcebergDataFiles(new SparkSqlSession(session))
                .write(session.createDataFrame(deletes, columns), deleteSchema,
                        LocalLocation.of(Path.of(table.location(), "data")));
        var rowDelta = table.newRowDelta();
        for (WrittenFile f : written) {
            rowDelta.addDeletes(FileMetadata.deleteFileBuilder(table.spec()).ofPositionDeletes()
                    .withPath(f.location().toString()).withFileSizeInBytes(f.bytes()).withRecordCount(f.rows())
                    .withFormat(FileFormat.PARQUET).build());
        }
        rowDelta.commit();
        return table.currentSnapshot().snapshotId();
    }

    /** The file's columns carry the schema's field ids, and its timestamps are INT64 microseconds in UTC. */
    private static void checkFooter(Path file, Schema schema) throws IOException {
        HadoopInputFile in = HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
        try (ParquetFileReader r = ParquetFileReader.open(in)) {
            MessageType parquet = r.getFooter().getFileMetaData().getSchema();
            Map<String, Integer> ids = new HashMap<>();
            for (Type t : parquet.getFields()) {
                ids.put(t.getName(), t.getId() == null ? null : t.getId().intValue());
            }
            Map<String, Integer> expected = new HashMap<>();
            schema.columns().forEach(c -> expected.put(c.name(), c.fieldId()));
            assertThat(ids).as("field ids in " + file).isEqualTo(expected);
            PrimitiveType ts = parquet.getType("last_modified").asPrimitiveType();
            assertThat(ts.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
            assertThat(ts.getLogicalTypeAnnotation()).isEqualTo(
                    LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        }
    }

    /** The nulls of each column of {@code rows}, by its field id in {@code schema}. */
    private static Map<Integer, Long> nullsPerFieldId(List<List<Object>> rows, Schema schema) {
        Map<Integer, Long> out = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            int column = i;
            out.put(schema.columns().get(i).fieldId(), rows.stream().filter(r -> r.get(column) == null).count());
        }
        return out;
    }

    private static List<List<Object>> values(Dataset<Row> rows) {
        return rows.collectAsList().stream()
                .map(r -> IntStream.range(0, r.size()).mapToObj(r::get).toList()).toList();
    }
}
