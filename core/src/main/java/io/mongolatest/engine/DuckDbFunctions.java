package io.mongolatest.engine;

import java.util.List;

/**
 * The functions product SQL may use beyond standard SQL, defined so that DuckDB accepts the same
 * calls as Spark SQL (docs/product-sql.md). Spark has them built in; DuckDB gets macros.
 */
final class DuckDbFunctions {
    private DuckDbFunctions() {
    }

    /**
     * Statements that define the functions. {@code persistent} keeps them in the catalog file, so that
     * views there work for anyone who opens it; otherwise they live as long as the session.
     */
    static List<String> definitions(boolean persistent) {
        String create = persistent ? "CREATE OR REPLACE MACRO " : "CREATE OR REPLACE TEMP MACRO ";
        return List.of(
                // Spark: the value at a JSONPath as text (objects and arrays as JSON), NULL when absent.
                create + "get_json_object(json_text, path) AS json_extract_string(json_text, path)");
    }
}
