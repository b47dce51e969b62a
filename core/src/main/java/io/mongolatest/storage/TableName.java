package io.mongolatest.storage;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** {@code database.table}, both lower-case identifiers (SPEC §5), safe as folder names and in SQL. */
public record TableName(String database, String table) {
    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]*");

    public TableName {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        if (!isValidPart(database) || !isValidPart(table)) {
            throw new IllegalArgumentException("invalid table name " + database + "." + table);
        }
    }

    public static boolean isValidPart(String s) {
        return s != null && s.length() <= 128 && PART.matcher(s).matches();
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
