package io.mongolatest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;

class IcebergColumnsTest {
    private final ConnectionStatements statements = new ConnectionStatements();

    @AfterEach
    void close() throws SQLException {
        statements.close();
    }

    @Test
    void everySupportedTypeBecomesAnOptionalIcebergFieldInOrder() {
        Schema s = IcebergColumns.of(statements, "SELECT true AS b, 1::TINYINT AS ti, 1::SMALLINT AS si, 1 AS i,"
                + " 1::BIGINT AS bi, 1::FLOAT AS f, 1::DOUBLE AS d, 1::DECIMAL(4,1) AS d4, 1::DECIMAL(38,10) AS d38,"
                + " 'x' AS \"Mixed Case\", 'x'::BLOB AS bl, DATE '2020-01-01' AS dt, TIME '01:02:03' AS tm,"
                + " TIMESTAMP '2020-01-01' AS ts, TIMESTAMPTZ '2020-01-01 00:00:00+00' AS tz, uuid() AS u");

        assertThat(s.columns()).extracting(Types.NestedField::isOptional).containsOnly(true);
        assertThat(s.columns()).extracting(Types.NestedField::fieldId)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(s.columns()).extracting(f -> f.name() + " " + f.type()).containsExactly("b boolean", "ti int",
                "si int", "i int", "bi long", "f float", "d double", "d4 decimal(4, 1)", "d38 decimal(38, 10)",
                "Mixed Case string", "bl binary", "dt date", "tm time", "ts timestamp", "tz timestamptz", "u uuid");
    }

    @Test
    void theProductsColumnsKeepTheirTypes() {
        // As LatestTableBuilder's row sources give them (DuckDbSources): instants are TIMESTAMPTZ.
        Schema s = IcebergColumns.of(statements, "SELECT 'id' AS id, CAST(make_timestamp(0) AS TIMESTAMPTZ) AS"
                + " last_modified, CAST(make_timestamp(0) AS TIMESTAMPTZ) AS created, 'full' AS snapshot_type,"
                + " '1' AS snapshot_id, '{}' AS val, 1::BIGINT AS pos, 1::INTEGER AS ts_nanos, false AS removed,"
                + " CAST(NULL AS DATE) AS \"Created_Date\"");

        assertThat(s.columns()).extracting(f -> f.name() + " " + f.type()).containsExactly("id string",
                "last_modified timestamptz", "created timestamptz", "snapshot_type string", "snapshot_id string",
                "val string", "pos long", "ts_nanos int", "removed boolean", "Created_Date date");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1::HUGEINT|HUGEINT|CAST(\"c\" AS DECIMAL(38,0))",
        "1::UBIGINT|UBIGINT|CAST(\"c\" AS DECIMAL(20,0))",
        "1::UTINYINT|UTINYINT|CAST(\"c\" AS INTEGER)",
        "INTERVAL 1 DAY|INTERVAL|CAST(\"c\" AS VARCHAR)",
        "'a'::ENUM('a', 'b')|ENUM('a', 'b')|CAST(\"c\" AS VARCHAR)",
        "TIMESTAMP_NS '2020-01-01'|TIMESTAMP_NS|CAST(\"c\" AS TIMESTAMP)",
        "TIMETZ '01:02:03+00'|TIME WITH TIME ZONE|CAST(\"c\" AS VARCHAR)",
        "[1, 2]|INTEGER[]|CAST(\"c\" AS VARCHAR)",
        "{'x': 1}|STRUCT(x INTEGER)|CAST(\"c\" AS VARCHAR)",
        "MAP {'k': 1}|MAP(VARCHAR, INTEGER)|CAST(\"c\" AS VARCHAR)",
        "NULL|\"NULL\"|CAST(\"c\" AS VARCHAR)"})
    void aTypeNoTableHoldsIsRefusedNamingTheColumnAndACast(String value, String type, String cast) {
        assertThatThrownBy(() -> IcebergColumns.of(statements, "SELECT 1 AS ok, " + value + " AS c"))
                .isInstanceOf(MongoLatestException.class)
                .satisfies(e -> assertThat(((MongoLatestException) e).kind()).isEqualTo(ErrorKind.USER))
                .hasMessage("column \"c\" has type " + type + ", which a table cannot hold: CAST it"
                        + " in the query, e.g. " + cast);
    }

    @Test
    void twoColumnsOfOneNameIgnoringCaseAreRefused() {
        assertThatThrownBy(() -> IcebergColumns.of(statements, "SELECT 1 AS id, 2 AS \"ID\""))
                .isInstanceOf(MongoLatestException.class)
                .hasMessageContaining("two columns named \"ID\"");
    }

    @Test
    void aQueryDuckDbCannotBindFailsAsTheSessionSaysIt() {
        assertThatThrownBy(() -> IcebergColumns.of(statements, "SELECT nope FROM range(1)"))
                .isInstanceOf(SqlFailure.class)
                .hasMessageContaining("nope");
    }
}
