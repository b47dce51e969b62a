package io.mongolatest.engine;

import io.mongolatest.tables.LocalTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.DataSize;

class SharedJsonParseTest {
    @TempDir
    Path dir;

    @Test
    void callsOnOneColumnShareOneListOfPaths() {
        assertThat(SharedJsonParse.rewrite("SELECT get_json_object(s.val, '$.a') AS a,"
                + " TRY_CAST(GET_JSON_OBJECT( s.val ,'$.b.c' ) AS DATE) AS b, get_json_object(s.val, '$.a') AS a2,"
                + " get_json_object(s.id, '$.x') AS x FROM t s"))
                .isEqualTo("SELECT json_extract_string(s.val, ['$.a', '$.b.c'])[1] AS a,"
                        + " TRY_CAST(json_extract_string(s.val, ['$.a', '$.b.c'])[2] AS DATE) AS b,"
                        + " json_extract_string(s.val, ['$.a', '$.b.c'])[1] AS a2,"
                        + " get_json_object(s.id, '$.x') AS x FROM t s");
    }

    @Test
    void columnsAreToldApartAndQuotedNamesKept() {
        assertThat(SharedJsonParse.rewrite("SELECT get_json_object(\"V\", '$.a'), get_json_object(\"V\", '$.b'),"
                + " get_json_object(v, '$.a'), get_json_object(v, 'it''s') FROM t"))
                .isEqualTo("SELECT json_extract_string(\"V\", ['$.a', '$.b'])[1], json_extract_string(\"V\", ['$.a', '$.b'])[2],"
                        + " json_extract_string(v, ['$.a', 'it''s'])[1], json_extract_string(v, ['$.a', 'it''s'])[2] FROM t");
    }

    @Test
    void leavesAloneWhatIsNotAColumnAndALiteralOrIsNotCode() {
        List<String> unchanged = List.of(
                "SELECT get_json_object(lower(v), '$.a'), get_json_object(lower(v), '$.b') FROM t",
                "SELECT get_json_object(v, p), get_json_object(v, q) FROM t",
                "SELECT get_json_object(v || w, '$.a'), get_json_object(v || w, '$.b') FROM t",
                "SELECT 'get_json_object(v, ''$.a''), get_json_object(v, ''$.b'')' FROM t",
                "SELECT 1 -- get_json_object(v, '$.a'), get_json_object(v, '$.b')\nFROM t",
                "SELECT /* get_json_object(v, '$.a') get_json_object(v, '$.b') */ 1",
                "SELECT $q$ get_json_object(v, '$.a') get_json_object(v, '$.b') $q$",
                "SELECT my.get_json_object(v, '$.a'), my.get_json_object(v, '$.b') FROM t",
                "SELECT get_json_object(v, '$.a') FROM t",
                "SELECT get_json_object(v, '$.a') AS a, get_json_object(v, '$.a') AS b FROM t",
                "SELECT 1");
        for (String sql : unchanged) {
            assertThat(SharedJsonParse.rewrite(sql)).as(sql).isEqualTo(sql);
        }
    }

    @Test
    void theRewrittenStatementGivesWhatEachCallGivesAlone() {
        try (EngineSession session = new DuckDbEngine().open(
                new EngineSettings(dir, DataSize.ofMebibytes(256), dir.resolve("tmp"), 1, false), LocalTables.open(dir))) {
            String docs = "(VALUES ('{\"a\":\"x\",\"b\":{\"c\":[1,{\"d\":2}]},\"n\":null}'), ('{\"a\":3}'), ('[]'),"
                    + " (NULL)) d(v)";
            List<String> paths = List.of("$.a", "$.b", "$.b.c[1].d", "$.n", "$.missing", "$.b.c");
            StringBuilder shared = new StringBuilder("SELECT ");
            StringBuilder alone = new StringBuilder("SELECT ");
            for (int i = 0; i < paths.size(); i++) {
                String sep = i == 0 ? "" : ", ";
                shared.append(sep).append("get_json_object(v, '").append(paths.get(i)).append("')");
                alone.append(sep).append("json_extract_string(v, '").append(paths.get(i)).append("')");
            }
            String order = " FROM " + docs + " ORDER BY v NULLS LAST";
            assertThat(SharedJsonParse.rewrite(shared.toString())).contains("json_extract_string(v, [");
            QueryResult expected = session.query(alone + order);
            assertThat(session.query(shared + order).rows()).isEqualTo(expected.rows()).hasSize(4);
        }
    }
}
