package io.mongolatest.product.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;

/**
 * classification.csv (SPEC §3): {@code table,column,pii} with {@code pii} {@code true} or {@code false}.
 * Redaction denies by default: a column reaches {@code ucs_latest_redacted} only when marked
 * {@code pii=false}, and {@code val} (the whole document) never does. Tables are named as in
 * {@code uc_mongo_latest}, without the database; names compare case-insensitively. Blank lines and lines
 * starting with {@code #} are comments.
 */
public final class Classification {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The document column of every latest table: personal data by construction. */
    public static final String DOCUMENT_COLUMN = "val";

    private final Map<String, Map<String, Boolean>> pii;

    private Classification(Map<String, Map<String, Boolean>> pii) {
        this.pii = pii;
    }

    public static Classification parse(String csv, String origin) {
        Map<String, Map<String, Boolean>> pii = new LinkedHashMap<>();
        String[] lines = csv.split("\r?\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = origin + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (!header) {
                if (f.length != 3 || !f[0].strip().equalsIgnoreCase("table") || !f[1].strip().equalsIgnoreCase("column")
                        || !f[2].strip().equalsIgnoreCase("pii")) {
                    throw MongoLatestException.user(where + ": the first line must be the header table,column,pii");
                }
                header = true;
                continue;
            }
            if (f.length != 3) {
                throw MongoLatestException.user(where + ": expected table,column,pii; found " + f.length + " fields");
            }
            String table = name(f[0], "table", where);
            String column = name(f[1], "column", where);
            String value = f[2].strip().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw MongoLatestException.user(where + ": pii must be true or false, not '" + f[2].strip() + "'");
            }
            boolean isPii = value.equals("true");
            if (!isPii && column.equals(DOCUMENT_COLUMN)) {
                throw MongoLatestException.user(where + ": " + table + "." + column
                        + " holds whole documents and is never published redacted; mark it pii=true or leave it out");
            }
            Boolean before = pii.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(column, isPii);
            if (before != null && before != isPii) {
                throw MongoLatestException.user(where + ": " + table + "." + column + " is classified twice, differently");
            }
        }
        return new Classification(pii);
    }

    private static String name(String text, String what, String where) {
        String n = text.strip();
        if (!NAME.matcher(n).matches()) {
            throw MongoLatestException.user(where + ": invalid " + what + " name '" + n
                    + "' (a plain name such as core_contract; no database, no quotes)");
        }
        return n.toLowerCase(Locale.ROOT);
    }

    /** The columns of {@code table} (of those given, in their order) that may be published redacted. */
    public List<String> publishable(String table, List<String> columns) {
        Map<String, Boolean> t = pii.getOrDefault(table.toLowerCase(Locale.ROOT), Map.of());
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            String key = c.toLowerCase(Locale.ROOT);
            if (Boolean.FALSE.equals(t.get(key)) && !key.equals(DOCUMENT_COLUMN) && NAME.matcher(c).matches()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Entries naming a table or column not in {@code relations}: probably a typo, shown as a warning. */
    public List<String> unknownEntries(Map<String, List<String>> relations) {
        List<String> out = new ArrayList<>();
        pii.forEach((table, cols) -> {
            Optional<List<String>> have = relations.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(table)).map(Map.Entry::getValue).findFirst();
            if (have.isEmpty()) {
                out.add(table);
            } else {
                cols.keySet().stream().filter(c -> have.get().stream().noneMatch(h -> h.equalsIgnoreCase(c)))
                        .forEach(c -> out.add(table + "." + c));
            }
        });
        return out;
    }
}
