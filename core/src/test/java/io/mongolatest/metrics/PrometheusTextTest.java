package io.mongolatest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mongolatest.metrics.PrometheusText.Label;

class PrometheusTextTest {
    @Test
    void writesGaugesWithEscapedLabelValuesAndHelp() {
        String text = new PrometheusText()
                .gauge("g", "line\none \\ \"two\"")
                .sample("g", List.of(new Label("a", "back\\slash \"quoted\"\nnext"), new Label("b", "")), 3)
                .sample("g", List.of(), 0.00015)
                .toString();

        assertThat(text).isEqualTo("# HELP g line\\none \\\\ \"two\"\n"
                + "# TYPE g gauge\n"
                + "g{a=\"back\\\\slash \\\"quoted\\\"\\nnext\",b=\"\"} 3\n"
                + "g 1.5E-4\n");
    }
}
