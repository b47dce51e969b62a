package io.mongolatest.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

import io.mongolatest.MongoLatestException;

/**
 * The columns of a DuckDB query as an Iceberg schema: its names and types in order, every field optional, ids
 * 1..n (a table store gives the real ones). A column no Iceberg table can hold is refused before anything is
 * written, with the CAST that would hold it.
 */
final class IcebergColumns {
    private IcebergColumns() {
    }

    /** The columns of {@code select}, which DuckDB binds without running it. */
    static Schema of(DuckDbStatements statements, String select) {
        QueryResult described;
        try {
            described = statements.query("DESCRIBE " + select);
        } catch (SQLException e) {
            throw statements.failure(e);
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (List<Object> row : described.rows()) {
            names.add((String) row.get(0));
            types.add((String) row.get(1));
        }
        return of(names, types);
    }

    /** The schema of columns {@code names} of DuckDB types {@code types} (as DESCRIBE names them). */
    static Schema of(List<String> names, List<String> types) {
        List<Types.NestedField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String duckDbType = types.get(i);
            // DuckDB, Spark and Athena resolve names ignoring case: "a" and "A" would be one column to them.
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw MongoLatestException.user("the query has two columns named \"" + name
                        + "\" (names are compared ignoring case): give each column its own name");
            }
            Type type = IcebergTypes.ofDuckDb(duckDbType).orElseThrow(() -> MongoLatestException.user("column \""
                    + name + "\" has type " + duckDbType + ", which a table cannot hold: CAST it in the query,"
                    + " e.g. CAST(" + DuckDbSql.identifier(name) + " AS " + IcebergTypes.castInstead(duckDbType) + ")"));
            fields.add(Types.NestedField.optional(i + 1, name, type));
        }
        if (fields.isEmpty()) {
            throw MongoLatestException.user("the query has no columns: a table needs at least one");
        }
        return new Schema(fields);
    }
}
