package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Schema;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.PrivateFiles;
import io.mongolatest.tables.WrittenFile;

/**
 * Writes rows as data files of an Iceberg table with Spark's own Parquet writer: each column carries its Iceberg
 * field id (Spark writes the {@value #FIELD_ID} of a column's metadata into the file's schema), timestamps are
 * INT64 microseconds adjusted to UTC ({@link SparkSessions#FIXED}), as Iceberg's {@code timestamptz} and DuckDB's
 * {@code TIMESTAMPTZ} are. Flat columns only: the product's tables have no nested ones.
 */
final class IcebergDataFiles {
    /** Spark's column metadata key for a Parquet field id. */
    static final String FIELD_ID = "parquet.field.id";

    private final SparkSqlSession session;

    IcebergDataFiles(SparkSqlSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    /**
     * The Iceberg columns of {@code rows}, as Iceberg's Spark runtime maps Spark's types, with ids 1..n, every one
     * optional as DuckDB's are (SPEC §7): a column Spark knows has no nulls would else be {@code required}, and the
     * table's schema would depend on the engine that wrote it first.
     */
    static Schema schemaOf(Dataset<Row> rows) {
        Schema converted = TypeUtil.assignIncreasingFreshIds(SparkSchemaUtil.convert(rows.schema()));
        return new Schema(converted.columns().stream().map(Types.NestedField::asOptional).toList());
    }

    /**
     * Writes {@code rows}, whose columns are those of {@code schema} (names, order, types), into a new folder of
     * its own below {@code below}; returns the data files, nothing else being left in that folder (no
     * {@code _SUCCESS}, no checksums). A folder per write keeps writers apart: Spark's committer works in a
     * {@code _temporary} folder beside the files, which another job in the same folder would delete.
     */
    List<WrittenFile> write(Dataset<Row> rows, Schema schema, Location below) {
        Dataset<Row> withIds = withFieldIds(rows, schema);
        Location folder = below.resolve("spark-" + UUID.randomUUID());
        String uri = SparkSqlSession.location(folder);
        // In the session's job group, so that cancelling the session stops the write.
        return session.run("writing " + folder, () -> {
            withIds.write().mode(SaveMode.ErrorIfExists).parquet(uri);
            removeNonData(uri);
            if (folder instanceof LocalLocation local) {
                PrivateFiles.restrictTree(local.path()); // Hadoop makes them as the umask lets it
            }
            return new ParquetFooters(session.spark()).written(uri, folder);
        });
    }

    /** {@code rows} with each column's metadata carrying its field id of {@code schema}. */
    static Dataset<Row> withFieldIds(Dataset<Row> rows, Schema schema) {
        StructField[] fields = rows.schema().fields();
        List<Types.NestedField> columns = schema.columns();
        Schema given = schemaOf(rows);
        if (fields.length != columns.size()) {
            throw new IllegalArgumentException("the rows have " + fields.length + " columns, the schema "
                    + columns.size() + ": " + rows.schema().simpleString() + " vs " + schema.asStruct());
        }
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            Types.NestedField column = columns.get(i);
            if (!column.name().equals(fields[i].name()) || !column.type().equals(given.columns().get(i).type())) {
                throw new IllegalArgumentException("column " + (i + 1) + " of the rows is " + fields[i].name() + " "
                        + given.columns().get(i).type() + ", of the schema " + column.name() + " " + column.type());
            }
            if (!column.type().isPrimitiveType()) {
                throw new IllegalArgumentException("column " + column.name() + " is nested: " + column.type());
            }
            var metadata = new MetadataBuilder().withMetadata(fields[i].metadata()).putLong(FIELD_ID, column.fieldId());
            out.add(functions.col(SparkSql.identifier(fields[i].name())).as(fields[i].name(), metadata.build()));
        }
        return rows.select(out.toArray(Column[]::new));
    }

    /**
     * The writer's files that are not data: names Spark's readers skip ({@code _SUCCESS}, {@code .crc}). Hadoop's
     * local file system hides its checksum files from a listing: its raw one shows them.
     */
    private void removeNonData(String uri) throws IOException {
        Path dir = new Path(uri);
        FileSystem fs = dir.getFileSystem(session.spark().sparkContext().hadoopConfiguration());
        if (fs instanceof ChecksumFileSystem checksummed) {
            fs = checksummed.getRawFileSystem();
        }
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                fs.delete(f.getPath(), true);
            }
        }
    }
}
