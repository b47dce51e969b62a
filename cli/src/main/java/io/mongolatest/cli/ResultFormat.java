package io.mongolatest.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mongolatest.engine.QueryResult;

/** How {@code query} prints rows. */
enum ResultFormat {
    /** Aligned columns for people; long values are cut. */
    TABLE {
        @Override
        void print(QueryResult r, PrintWriter out) {
            TextTable table = TextTable.grid(r.columns().toArray(String[]::new));
            for (List<Object> row : r.rows()) {
                table.row(row.stream().map(v -> {
                    String s = v == null ? "NULL" : String.valueOf(v).replace('\n', ' ');
                    return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 3) + "..." : s;
                }).toArray(String[]::new));
            }
            table.print(out);
            out.println("(" + r.rows().size() + " row" + (r.rows().size() == 1 ? ")" : "s)"));
        }
    },
    /** RFC 4180: a header line, values quoted when needed, NULL as an empty field. */
    CSV {
        @Override
        void print(QueryResult r, PrintWriter out) {
            out.print(String.join(",", r.columns().stream().map(ResultFormat::csv).toList()) + "\r\n");
            for (List<Object> row : r.rows()) {
                out.print(String.join(",", row.stream().map(v -> v == null ? "" : csv(String.valueOf(v))).toList())
                        + "\r\n");
            }
        }
    },
    /** A JSON array with one object per row; numbers stay numbers, other values are text. */
    JSON {
        @Override
        void print(QueryResult r, PrintWriter out) {
            ObjectMapper json = new ObjectMapper();
            out.println("[");
            for (int i = 0; i < r.rows().size(); i++) {
                ObjectNode o = json.createObjectNode();
                List<Object> row = r.rows().get(i);
                for (int c = 0; c < r.columns().size(); c++) {
                    put(o, r.columns().get(c), row.get(c));
                }
                try {
                    out.println(json.writeValueAsString(o) + (i < r.rows().size() - 1 ? "," : ""));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
            out.println("]");
        }

        private void put(ObjectNode o, String name, Object v) {
            if (v == null) {
                o.putNull(name);
            } else if (v instanceof Boolean b) {
                o.put(name, b);
            } else if (v instanceof BigDecimal d) {
                o.put(name, d);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                o.put(name, ((Number) v).longValue());
            } else if (v instanceof Double || v instanceof Float) {
                o.put(name, ((Number) v).doubleValue());
            } else {
                o.put(name, String.valueOf(v));
            }
        }
    };

    private static final int MAX_CELL = 60;

    abstract void print(QueryResult r, PrintWriter out);

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
