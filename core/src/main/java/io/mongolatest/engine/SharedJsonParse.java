package io.mongolatest.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites a statement so that DuckDB parses a document once per row however many fields it extracts.
 * Each {@code get_json_object(col, 'path')} whose first argument is a column name and whose second is a
 * literal becomes {@code json_extract_string(col, ['p1', 'p2', ...])[k]}, the list being every path the
 * statement extracts from that column: the same text in every call, which DuckDB's optimiser evaluates
 * once per row. Each call stays self-contained (its value is exactly the single-path one), so this holds
 * whatever scope the calls are in; it is only faster where they share a projection. Product views read
 * 10–15 fields of one document, each parse costing more than the rest of the row.
 */
final class SharedJsonParse {
    private static final String FUNCTION = "get_json_object";

    private SharedJsonParse() {
    }

    /** One call that can share its parse: where it is in the text, its column and its path literal. */
    private record Call(int start, int end, String column, String path) {
    }

    static String rewrite(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains(FUNCTION)) {
            return sql;
        }
        List<Call> calls = calls(sql);
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (Call c : calls) {
            List<String> p = paths.computeIfAbsent(c.column(), k -> new ArrayList<>());
            if (!p.contains(c.path())) {
                p.add(c.path());
            }
        }
        StringBuilder out = new StringBuilder(sql.length() * 2);
        int at = 0;
        for (Call c : calls) {
            List<String> p = paths.get(c.column());
            if (p.size() < 2) {
                continue;
            }
            out.append(sql, at, c.start()).append("json_extract_string(").append(c.column()).append(", [")
                    .append(String.join(", ", p)).append("])[").append(p.indexOf(c.path()) + 1).append(']');
            at = c.end();
        }
        return at == 0 ? sql : out.append(sql, at, sql.length()).toString();
    }

    /** The calls of {@code sql} outside string literals, quoted names and comments, in order. */
    private static List<Call> calls(String sql) {
        List<Call> calls = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = SqlQuotes.closing(sql, i, '\'');
            } else if (c == '"') {
                i = SqlQuotes.closing(sql, i, '"');
            } else if (c == '$') {
                i = endOfDollarQuoted(sql, i);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (isWordStart(c)) {
                int end = endOfWord(sql, i);
                if (end - i == FUNCTION.length() && sql.regionMatches(true, i, FUNCTION, 0, FUNCTION.length())
                        && (i == 0 || sql.charAt(i - 1) != '.')) {
                    Call call = callAt(sql, i, end);
                    if (call != null) {
                        calls.add(call);
                        i = call.end();
                        continue;
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return calls;
    }

    /** The call whose name spans {@code [start, nameEnd)}, when its arguments are a column and a literal. */
    private static Call callAt(String sql, int start, int nameEnd) {
        int i = skipSpace(sql, nameEnd);
        if (i >= sql.length() || sql.charAt(i) != '(') {
            return null;
        }
        int columnStart = skipSpace(sql, i + 1);
        int columnEnd = endOfColumn(sql, columnStart);
        if (columnEnd < 0) {
            return null;
        }
        i = skipSpace(sql, columnEnd);
        if (i >= sql.length() || sql.charAt(i) != ',') {
            return null;
        }
        int pathStart = skipSpace(sql, i + 1);
        if (pathStart >= sql.length() || sql.charAt(pathStart) != '\'') {
            return null;
        }
        int pathEnd = SqlQuotes.closing(sql, pathStart, '\'');
        i = skipSpace(sql, pathEnd);
        if (i >= sql.length() || sql.charAt(i) != ')') {
            return null;
        }
        return new Call(start, i + 1, sql.substring(columnStart, columnEnd), sql.substring(pathStart, pathEnd));
    }

    /** The end of a column reference at {@code i}: names joined by dots, each plain or quoted; -1 if none. */
    private static int endOfColumn(String sql, int i) {
        while (true) {
            int end;
            if (i < sql.length() && sql.charAt(i) == '"') {
                end = SqlQuotes.closing(sql, i, '"');
            } else if (i < sql.length() && isWordStart(sql.charAt(i))) {
                end = endOfWord(sql, i);
            } else {
                return -1;
            }
            if (end < sql.length() && sql.charAt(end) == '.') {
                i = end + 1;
            } else {
                return end;
            }
        }
    }

    /** Just after a {@code $tag$ ... $tag$} string starting at {@code i}, or after the {@code $} if none does. */
    private static int endOfDollarQuoted(String sql, int i) {
        int tagEnd = sql.indexOf('$', i + 1);
        if (tagEnd < 0 || !sql.substring(i + 1, tagEnd).chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
            return i + 1;
        }
        String tag = sql.substring(i, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static int endOfWord(String sql, int i) {
        int j = i;
        while (j < sql.length() && (isWordStart(sql.charAt(j)) || Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '$')) {
            j++;
        }
        return j;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static int skipSpace(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
