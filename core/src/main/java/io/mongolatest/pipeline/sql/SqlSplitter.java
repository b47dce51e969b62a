package io.mongolatest.pipeline.sql;

import java.util.ArrayList;
import java.util.List;

import io.mongolatest.engine.SqlQuotes;

/**
 * Splits a script into statements at top-level semicolons, leaving alone those inside quotes and
 * comments. Statements that hold only comments and blanks are dropped.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    public static List<SqlStatement> split(String file, String text) {
        List<SqlStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int line = 1;
        int startLine = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = SqlQuotes.closing(text, i, c);
                String quoted = text.substring(i, end);
                if (!hasCode) {
                    startLine = line;
                }
                current.append(quoted);
                line += count(quoted);
                hasCode = true;
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (hasCode) {
                    current.append(text, i, end);
                }
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                String comment = text.substring(i, end);
                if (hasCode) {
                    current.append(comment); // comments before a statement's code are not part of it
                }
                line += count(comment);
                i = end;
            } else if (c == ';') {
                if (hasCode) {
                    out.add(new SqlStatement(file, startLine, current.toString().strip()));
                }
                current.setLength(0);
                hasCode = false;
                i++;
            } else {
                if (c == '\n') {
                    line++;
                } else if (!Character.isWhitespace(c) && !hasCode) {
                    hasCode = true;
                    startLine = line;
                }
                if (hasCode) {
                    current.append(c);
                }
                i++;
            }
        }
        if (hasCode) {
            out.add(new SqlStatement(file, startLine, current.toString().strip()));
        }
        return out;
    }

    private static int count(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                c++;
            }
        }
        return c;
    }
}
