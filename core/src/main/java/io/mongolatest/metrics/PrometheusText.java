package io.mongolatest.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Writes gauges in the Prometheus text exposition format (version 0.0.4), the body a Pushgateway accepts.
 * Hand-written because three gauge families do not justify a client library and its registry.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** One label of a sample, written in the order given. */
    record Label(String name, String value) {
        Label {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    private final StringBuilder text = new StringBuilder();

    /** Starts a gauge family; its samples follow. */
    PrometheusText gauge(String name, String help) {
        requireNonNull(name, "name is null");
        requireNonNull(help, "help is null");
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
        return this;
    }

    PrometheusText sample(String name, List<Label> labels, long value) {
        return sample(name, labels, Long.toString(value));
    }

    PrometheusText sample(String name, List<Label> labels, double value) {
        // Double.toString writes "1.5E-4" for small values, a form the Pushgateway's parser accepts.
        return sample(name, labels, Double.toString(value));
    }

    private PrometheusText sample(String name, List<Label> labels, String value) {
        requireNonNull(name, "name is null");
        requireNonNull(labels, "labels is null");
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                if (i > 0) {
                    text.append(',');
                }
                text.append(label.name()).append("=\"").append(escapeLabelValue(label.value())).append('"');
            }
            text.append('}');
        }
        text.append(' ').append(value).append('\n');
        return this;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escapeLabelValue(String value) {
        return escape(value, true);
    }

    /** HELP text escapes backslash and line feed only. */
    static String escapeHelp(String help) {
        return escape(help, false);
    }

    private static String escape(String s, boolean quote) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quote ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
