package io.mongolatest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.mongolatest.ExitCode;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.pipeline.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints the report of a run: its steps with times, rows and errors, the input accounting,"
                + " and its earlier attempts.")
final class ReportCommand implements Callable<Integer>, ReadCommand {
    enum Format { text, json }

    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    RunLookup runs;

    @Option(names = "--correlation-id", paramLabel = "ID", required = true, description = "The run to report.")
    String correlationId;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        RunKey key = runs.key(correlationId);
        LedgerRow row;
        try (RunLedger l = runs.open(common.stateDir())) {
            row = RunLookup.require(l, key);
        }
        RunReport report = RunReport.of(row);
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return ExitCode.SUCCESS.code();
        }
        out.printf("run %s/%s  Run_Id %d  %s  (current step %s)%n", report.correlationId(), report.dataProduct(),
                report.runId(), report.status(), report.currentStep());
        out.printf("cluster %s  export date %s  snapshot type %s%n", report.clusterId(), report.exportDate(),
                report.snapshotType());
        out.printf("input %s%noutput %s%nstarted %s  updated %s%n%n", report.input(), report.output(),
                report.startedAt(), report.updatedAt());
        printSteps(out, report);
        for (RunReport.Step s : report.steps()) {
            if (s.detail() != null && s.detail().isObject()) {
                out.printf("%n%s:%n", s.name());
                printDetail(out, s.detail(), "  ");
            }
        }
        if (!report.attempts().isEmpty()) {
            out.printf("%nearlier attempts:%n");
            TextTable t = new TextTable("RUN_ID", "STATUS", "CURRENT_STEP", "CLUSTER_ID", "STARTED", "ENDED");
            for (RunReport.AttemptSummary a : report.attempts()) {
                t.row(String.valueOf(a.runId()), a.status(), a.currentStep(), a.clusterId(), a.startedAt(),
                        a.endedAt());
            }
            t.print(out);
        }
        return ExitCode.SUCCESS.code();
    }

    private static void printSteps(PrintWriter out, RunReport report) {
        TextTable t = new TextTable("STEP", "STATUS", "STARTED", "SECONDS", "ROWS", "ERROR");
        for (RunReport.Step s : report.steps()) {
            t.row(s.name(), s.status(), s.startedAt(),
                    s.durationSeconds() == null ? "" : String.format("%.1f", s.durationSeconds()),
                    s.rows() == null ? "" : String.format("%,d", s.rows()), s.error());
        }
        t.print(out);
    }

    private static void printDetail(PrintWriter out, JsonNode node, String indent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                out.println(indent + e.getKey() + ":");
                printTable(out, v, indent + "  ");
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asText()));
                out.println(indent + e.getKey() + ": " + String.join(", ", items));
            } else if (v.isObject()) {
                out.println(indent + e.getKey() + ":" + (v.isEmpty() ? " -" : ""));
                printDetail(out, v, indent + "  ");
            } else {
                out.println(indent + e.getKey() + ": " + v.asText());
            }
        }
    }

    /** An array of objects as a table: a column per scalar field, nested objects' fields flattened in. */
    private static void printTable(PrintWriter out, JsonNode array, String indent) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : array) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten(item, row);
            row.keySet().forEach(k -> columns.putIfAbsent(k, columns.size()));
            rows.add(row);
        }
        TextTable t = new TextTable(columns.keySet().stream().map(c -> c.toUpperCase(java.util.Locale.ROOT))
                .toArray(String[]::new));
        for (Map<String, String> row : rows) {
            t.row(columns.keySet().stream().map(c -> row.getOrDefault(c, "")).toArray(String[]::new));
        }
        StringWriter buffer = new StringWriter();
        t.print(new PrintWriter(buffer));
        buffer.toString().lines().forEach(line -> out.println(indent + line));
    }

    private static void flatten(JsonNode node, Map<String, String> into) {
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isObject()) {
                if (!v.isEmpty()) {
                    flatten(v, into);
                }
            } else if (v.isArray()) {
                into.put(e.getKey(), String.valueOf(v.size()));
            } else {
                into.put(e.getKey(), v.asText());
            }
        });
    }
}
