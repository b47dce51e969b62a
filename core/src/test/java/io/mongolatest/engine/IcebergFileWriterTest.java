package io.mongolatest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.Schema;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.tables.WrittenFile;

class IcebergFileWriterTest {
    /** Ids as a table store gives them after columns came and went: not 1..n, not in order. */
    private static final Schema SCHEMA = new Schema(Types.NestedField.optional(7, "id", Types.LongType.get()),
            Types.NestedField.optional(3, "odd \"name\", with.dot", Types.StringType.get()),
            Types.NestedField.optional(12, "small", Types.IntegerType.get()),
            Types.NestedField.optional(4, "at", Types.TimestampType.withZone()));
    private static final String ROWS = "SELECT range AS id, CASE WHEN range % 4 <> 0 THEN 'v' || range END AS"
            + " \"odd \"\"name\"\", with.dot\", CASE WHEN range % 10 <> 0 THEN (range % 100)::TINYINT END AS small,"
            + " CASE WHEN range % 2 = 0 THEN TIMESTAMPTZ '2024-01-01 00:00:00+00' END AS at";

    @TempDir
    Path tmp;
    private final ConnectionStatements duckDb = new ConnectionStatements();

    @AfterEach
    void close() throws SQLException {
        duckDb.close();
    }

    @Test
    void theFileCarriesTheSchemasFieldIdsAndItsFiguresAreThoseIcebergReadsInItsFooter() throws Exception {
        List<WrittenFile> written = writer().write(ROWS + " FROM range(1000)", SCHEMA, tmp.resolve("data"));

        assertThat(written).hasSize(1);
        WrittenFile file = written.get(0);
        Path path = Path.of(file.location().toString());
        // Iceberg's own footer reading finds the columns by the ids written.
        Metrics footer = ParquetUtil.fileMetrics(org.apache.iceberg.Files.localInput(path.toFile()),
                MetricsConfig.getDefault());
        assertThat(path.getParent()).isEqualTo(tmp.resolve("data"));
        assertThat(file.bytes()).isEqualTo(Files.size(path));
        assertThat(file.rows()).isEqualTo(1000).isEqualTo(footer.recordCount());
        assertThat(file.nullCounts()).isEqualTo(footer.nullValueCounts())
                .isEqualTo(Map.of(7, 0L, 3, 250L, 12, 100L, 4, 500L));
        assertThat(fieldIds(path)).containsExactly("id 7", "odd \"name\", with.dot 3", "small 12", "at 4");
    }

    @Test
    void anEmptyResultStillWritesOneFileHoldingTheSchema() throws Exception {
        List<WrittenFile> written = writer().write(ROWS + " FROM range(0)", SCHEMA, tmp.resolve("data"));

        assertThat(written).extracting(WrittenFile::rows).containsExactly(0L);
        assertThat(fieldIds(Path.of(written.get(0).location().toString())))
                .containsExactly("id 7", "odd \"name\", with.dot 3", "small 12", "at 4");
    }

    @Test
    void columnsAreWrittenAsTheSchemasTypesATinyintAsAPlainInt32() throws Exception {
        Path file = Path.of(writer().write(ROWS + " FROM range(3)", SCHEMA, tmp.resolve("data")).get(0)
                .location().toString());

        List<List<Object>> columns = duckDb.query("SELECT name, type, converted_type, logical_type FROM parquet_schema("
                + DuckDbSql.literal(file.toString()) + ") WHERE field_id IS NOT NULL").rows();
        assertThat(columns).extracting(c -> c.get(0) + " " + c.get(1) + " " + c.get(2)).containsExactly(
                "id INT64 INT_64", "odd \"name\", with.dot BYTE_ARRAY UTF8", "small INT32 INT_32",
                "at INT64 TIMESTAMP_MICROS");
        assertThat((String) columns.get(3).get(3)).contains("isAdjustedToUTC=1");
    }

    @Test
    void eachFileIsNewAndTheOwnersAlone() throws Exception {
        WrittenFile first = writer().write(ROWS + " FROM range(3)", SCHEMA, tmp.resolve("data")).get(0);
        WrittenFile second = writer().write(ROWS + " FROM range(3)", SCHEMA, tmp.resolve("data")).get(0);

        assertThat(first.location()).isNotEqualTo(second.location());
        try (var files = Files.list(tmp.resolve("data"))) {
            assertThat(files).hasSize(2).allSatisfy(f -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }

    @Test
    void aWriteThatFailsMidwayLeavesNoFileAsDuckDbRemovesItAndFailsAsTheSessionSaysIt() throws Exception {
        String failing = ROWS + " FROM range(300000) WHERE CASE WHEN range = 299999 THEN error('stop here') ELSE true END";

        assertThatThrownBy(() -> writer().write(failing, SCHEMA, tmp.resolve("data")))
                .isInstanceOf(SqlFailure.class).hasMessageContaining("stop here");
        try (var files = Files.list(tmp.resolve("data"))) {
            assertThat(files).isEmpty();
        }
    }

    private List<String> fieldIds(Path file) throws SQLException {
        return duckDb.query("SELECT name || ' ' || field_id FROM parquet_schema(" + DuckDbSql.literal(file.toString())
                + ") WHERE field_id IS NOT NULL").rows().stream().map(r -> (String) r.get(0)).toList();
    }

    private IcebergFileWriter writer() {
        return new IcebergFileWriter(duckDb, 8L << 20);
    }
}
