package io.mongolatest.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Left-aligned columns, each as wide as its widest cell. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final String separator;
    private final boolean rule;

    /** Columns apart by two spaces, as in {@code status}. */
    TextTable(String... header) {
        this("  ", false, header);
    }

    private TextTable(String separator, boolean rule, String... header) {
        this.separator = separator;
        this.rule = rule;
        rows.add(header);
    }

    /** Columns apart by {@code |}, a rule under the header, as in {@code query}. */
    static TextTable grid(String... header) {
        return new TextTable(" | ", true, header);
    }

    void row(String... cells) {
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c).toArray(String[]::new));
    }

    void print(PrintWriter out) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(i == 0 ? "" : separator).append(i == r.length - 1 ? r[i] : pad(r[i], width[i]));
            }
            out.println(b.toString().stripTrailing());
            if (n == 0 && rule) {
                out.println(ruleLine(width));
            }
        }
    }

    private String ruleLine(int[] width) {
        String joint = separator.replace(' ', '-').replace('|', '+');
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            b.append(i == 0 ? "" : joint).append("-".repeat(width[i]));
        }
        return b.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }
}
