package io.mongolatest.engine;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A column of a {@link RowSource}: a plain lower-case SQL name, usable unquoted in every engine. */
public record SourceColumn(String name, ColumnType type) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public SourceColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid column name " + name);
        }
    }
}
