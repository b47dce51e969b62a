package io.mongolatest.engine.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.Type;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;

import io.mongolatest.storage.Location;
import io.mongolatest.tables.WrittenFile;

/**
 * What the footers of a write's Parquet files say, read by the driver: their rows and null counts, with no Spark
 * job (Spark runs one to count rows).
 */
final class ParquetFooters {
    private final SparkSession spark;

    ParquetFooters(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Every Parquet file in {@code location} as a table's data file, named below {@code target} (the same folder, as
     * the product names it): its bytes and rows, and the nulls of each column that has a field id and a null count
     * in every row group.
     */
    List<WrittenFile> written(String location, Location target) throws IOException {
        List<WrittenFile> out = new ArrayList<>();
        for (FileStatus f : files(location)) {
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(f, conf()))) {
                out.add(new WrittenFile(target.resolve(f.getPath().getName()), f.getLen(), r.getRecordCount(),
                        nullCounts(r.getFooter())));
            }
        }
        return out;
    }

    private static Map<Integer, Long> nullCounts(ParquetMetadata footer) {
        Map<Integer, Long> nulls = new HashMap<>();
        Set<Integer> unknown = new HashSet<>();
        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                Type.ID id = chunk.getPrimitiveType().getId();
                if (id == null || chunk.getPath().size() != 1) {
                    continue; // a nested column's nulls are not its field's
                }
                var stats = chunk.getStatistics();
                if (stats == null || !stats.isNumNullsSet()) {
                    unknown.add(id.intValue());
                } else {
                    nulls.merge(id.intValue(), stats.getNumNulls(), Long::sum);
                }
            }
        }
        nulls.keySet().removeAll(unknown);
        return nulls;
    }

    /** The data files, as Spark's readers take them: names that start with {@code .} or {@code _} are not. */
    private List<FileStatus> files(String location) throws IOException {
        Path dir = new Path(location);
        FileSystem fs = dir.getFileSystem(conf());
        List<FileStatus> out = new ArrayList<>();
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (f.isFile() && name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_")) {
                out.add(f);
            }
        }
        out.sort(null);
        return out;
    }

    private Configuration conf() {
        return spark.sparkContext().hadoopConfiguration();
    }
}
