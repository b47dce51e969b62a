package io.mongolatest.pipeline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mongolatest.MongoLatestException;

class SqlTextTest {
    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        String sql = """
                -- header; not a statement
                SELECT 'a;b' AS x;  /* block; comment
                spanning */ SELECT "we;ird" FROM t;

                SELECT 'it''s;' ;
                ;
                -- trailing comment only
                """;
        assertThat(SqlSplitter.split("f.sql", sql)).extracting(SqlStatement::line, SqlStatement::sql)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "SELECT 'a;b' AS x"),
                        org.assertj.core.groups.Tuple.tuple(3, "SELECT \"we;ird\" FROM t"),
                        org.assertj.core.groups.Tuple.tuple(5, "SELECT 'it''s;'"));
    }

    @Test
    void keepsAStatementWithoutATrailingSemicolon() {
        assertThat(SqlSplitter.split("f.sql", "SELECT 1;\nSELECT 2")).extracting(SqlStatement::sql)
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void substitutesPlaceholdersAsQuotedLiterals() {
        SqlScript s = new SqlScript("steps/x/a.sql", "SELECT ${correlation_id} AS c, ${export_date} AS d, '$${x}' AS keep");
        String out = SqlTemplate.render(s, Map.of("correlation_id", "abc:1", "export_date", "2026-01-02"),
                v -> "'" + v + "'");
        assertThat(out).isEqualTo("SELECT 'abc:1' AS c, '2026-01-02' AS d, '${x}' AS keep");
    }

    @Test
    void rejectsUnknownPlaceholdersNamingFileAndLine() {
        SqlScript s = new SqlScript("steps/x/a.sql", "SELECT 1;\nSELECT ${corelation_id};");
        assertThatThrownBy(() -> SqlTemplate.check(s, java.util.Set.of("export_date", "snapshot_type")))
                .isInstanceOf(MongoLatestException.class)
                .hasMessage("steps/x/a.sql:2: unknown parameter '${corelation_id}' (known: correlation_id, export_date,"
                        + " snapshot_type, warehouse)");
    }

    @Test
    void quotesValuesAsTheEngineDoes() {
        SqlScript s = new SqlScript("a.sql", "SELECT ${warehouse}");
        assertThat(SqlTemplate.render(s, Map.of("warehouse", "/tmp/o'brien", "correlation_id", "c"),
                io.mongolatest.engine.DuckDbSql::literal)).isEqualTo("SELECT '/tmp/o''brien'");
    }
}
