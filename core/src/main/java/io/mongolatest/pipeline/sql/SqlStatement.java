package io.mongolatest.pipeline.sql;

import static java.util.Objects.requireNonNull;

/** One statement of a script, with where it starts, for error messages. */
public record SqlStatement(String file, int line, String sql) {
    public SqlStatement {
        requireNonNull(file, "file is null");
        requireNonNull(sql, "sql is null");
    }

    public String where() {
        return file + ":" + line;
    }
}
