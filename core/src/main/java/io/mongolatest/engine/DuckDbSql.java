package io.mongolatest.engine;

/** Quoting for the SQL the tool itself generates. */
public final class DuckDbSql {
    private DuckDbSql() {
    }

    /** A string literal: {@code 'it''s'}. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A quoted identifier: {@code "my""name"}. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
