package io.mongolatest.pipeline.sql;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.RunParameters;

/**
 * Substitutes {@code ${name}} placeholders with quoted literals, never raw text, so that a value can
 * not change the shape of a statement. {@code $${} stays as a literal {@code ${}.
 */
public final class SqlTemplate {
    /** The placeholders every product's SQL may use (SPEC §3); a product adds its own. */
    public static final Set<String> GENERIC = Set.of("correlation_id", "warehouse");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([^}]*)}");

    private SqlTemplate() {
    }

    /** Fails, naming file and line, on a placeholder that is neither {@link #GENERIC} nor one of {@code known}. */
    public static void check(SqlScript script, Set<String> known) {
        Matcher m = PLACEHOLDER.matcher(script.text());
        while (m.find()) {
            if (!m.group().startsWith("$$") && !GENERIC.contains(m.group(1)) && !known.contains(m.group(1))) {
                Set<String> all = new TreeSet<>(GENERIC);
                all.addAll(known);
                throw MongoLatestException.user(script.file() + ":" + line(script.text(), m.start())
                        + ": unknown parameter '${" + m.group(1) + "}' (known: " + String.join(", ", all) + ")");
            }
        }
    }

    /** The script with every placeholder replaced by {@code quote} of its value; every name must have one. */
    public static String render(SqlScript script, Map<String, String> values, UnaryOperator<String> quote) {
        check(script, values.keySet());
        Matcher m = PLACEHOLDER.matcher(script.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group().startsWith("$$") ? "\\${" + m.group(1) + "}"
                    : Matcher.quoteReplacement(quote.apply(values.get(m.group(1))));
            m.appendReplacement(out, replacement);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder values of a run. */
    public static Map<String, String> valuesOf(RunParameters p) {
        Map<String, String> values = new java.util.HashMap<>(p.arguments().placeholders());
        values.put("correlation_id", p.correlationId());
        values.put("warehouse", p.warehouse().toString());
        return Map.copyOf(values);
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
