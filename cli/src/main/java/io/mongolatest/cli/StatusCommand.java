package io.mongolatest.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mongolatest.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.mongolatest.ledger.LedgerJson;
import io.mongolatest.ledger.LedgerRow;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunStatus;
import io.mongolatest.pipeline.plan.RunPlanner;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the ledger rows of the data product: one run with --correlation-id, else all of them.")
final class StatusCommand implements Callable<Integer>, ReadCommand {
    @Mixin(name = "common")
    CommonOptions common;

    @Mixin
    RunLookup runs;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "Show only this run.")
    String correlationId;

    @Option(names = "--json", description = "Print JSON with the ledger's attribute names (an object with"
            + " --correlation-id, else an array).")
    boolean json;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        String dataProduct = runs.dataProduct();
        try (RunLedger l = runs.open(common.stateDir())) {
            List<LedgerRow> rows;
            if (correlationId != null) {
                rows = List.of(RunLookup.require(l, runs.key(correlationId)));
            } else {
                rows = l.list(dataProduct);
            }
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                Object doc = correlationId != null ? withRunner(rows.get(0))
                        : rows.stream().map(StatusCommand::withRunner).toList();
                out.println(mapper.writeValueAsString(doc));
                return ExitCode.SUCCESS.code();
            }
            if (rows.isEmpty()) {
                out.println("no runs of " + dataProduct + " in " + l.describe());
                return ExitCode.SUCCESS.code();
            }
            TextTable t = new TextTable("CORRELATION_ID", "RUN_ID", "STATUS", "CURRENT_STEP", "DATE", "CLUSTER_ID",
                    "UPDATED", "LEASE");
            for (LedgerRow r : rows) {
                t.row(r.key().correlationId(), String.valueOf(r.runId()), r.status().name(), r.currentStep(), r.date(),
                        r.clusterId(), r.updatedAt() == null ? "" : r.updatedAt().toString(),
                        lease(r));
            }
            t.print(out);
        }
        return ExitCode.SUCCESS.code();
    }

    /**
     * The lease as an operator needs it: a run whose runner died still says IN_PROGRESS until the next
     * start takes it over, so say that it is dead and can be resumed.
     */
    private static String lease(LedgerRow r) {
        if (r.lease() == null) {
            return "";
        }
        if (r.status() == RunStatus.IN_PROGRESS && RunPlanner.liveHolder(r, Instant.now()).isEmpty()) {
            return "dead runner " + r.lease().owner() + ": run again to resume";
        }
        return r.lease().owner() + " until " + r.lease().expiresAt();
    }

    /** The ledger's attributes, and for a run in progress whether its runner still lives. */
    private static Map<String, Object> withRunner(LedgerRow r) {
        Map<String, Object> m = LedgerJson.rowMap(r);
        if (r.status() == RunStatus.IN_PROGRESS) {
            m.put("Runner_Alive", RunPlanner.liveHolder(r, Instant.now()).isPresent());
        }
        return m;
    }
}
