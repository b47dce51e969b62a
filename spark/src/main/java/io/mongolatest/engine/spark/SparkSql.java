package io.mongolatest.engine.spark;

/** Quoting for the SQL the engine itself generates, as Spark SQL reads it. */
final class SparkSql {
    private SparkSql() {
    }

    /** A string literal. Spark reads backslash escapes in literals, so backslashes are escaped too. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A quoted identifier: {@code `my``name`}. */
    static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }
}
