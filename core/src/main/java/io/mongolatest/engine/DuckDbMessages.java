package io.mongolatest.engine;

import java.util.List;
import java.util.Optional;

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

    /**
     * What a confined session's statement tried, when DuckDB refused it for reaching beyond the session's files,
     * loading an extension or changing a setting (see {@link DuckDbSession#confine}).
     */
    static Optional<String> outsideConfinement(String message) {
        String line = firstLine(message);
        if (line.startsWith("Permission Error") && line.contains("extension")) {
            return Optional.of("loads an extension, which the product's SQL may not: " + detail(line));
        }
        if (line.startsWith("Permission Error")) {
            return Optional.of("reads or writes outside the warehouse: " + detail(line));
        }
        if (line.contains("the configuration has been locked")) {
            return Optional.of("changes a setting, which the product's SQL may not: " + detail(line));
        }
        return Optional.empty();
    }

    /** DuckDB's words without the kind of error and the reason it gives for every refusal. */
    private static String detail(String line) {
        int colon = line.indexOf(": ");
        return (colon < 0 ? line : line.substring(colon + 2))
                .replace(" - file system operations are disabled by configuration", "")
                .replace(" - the configuration has been locked", "").strip();
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
