package io.mongolatest.engine;

import java.util.List;

/** What DuckDB's error messages say about who erred. */
final class DuckDbMessages {
    /** The kinds of error DuckDB raises for a statement itself: a name it cannot find, bad syntax, a bad cast. */
    private static final List<String> IN_THE_STATEMENT = List.of("Catalog Error", "Binder Error", "Parser Error",
            "Conversion Error", "Invalid Input Error", "Out of Range Error");

    private DuckDbMessages() {
    }

    /** Whether {@code message} blames the statement, not the machine or the files. */
    static boolean inTheStatement(String message) {
        return IN_THE_STATEMENT.stream().anyMatch(message::startsWith);
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
