package io.mongolatest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.mongolatest.MongoLatestException;
import io.mongolatest.engine.DataSize;
import io.mongolatest.engine.DuckDbEngine;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.QueryResult;
import io.mongolatest.product.synthetic.SyntheticExport;
import io.mongolatest.warehouse.TableName;
import io.mongolatest.warehouse.Warehouse;
import io.mongolatest.warehouse.WarehouseReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates a sample snapshot export, runs the Mongo Latest product on it end to end with the"
                + " embedded defaults (DuckDB, SQLite ledger), and shows the result. Everything goes to"
                + " <state-dir>/demo, replaced on each demo.")
final class DemoCommand implements Callable<Integer> {
    static final String CORRELATION_ID = "demo";

    @Mixin(name = "common")
    CommonOptions common;

    @Option(names = "--docs", paramLabel = "N", defaultValue = "20000",
            description = "Documents to generate. Default: ${DEFAULT-VALUE}.")
    long docs;

    @Spec
    CommandSpec cmd;

    @Override
    public Integer call() {
        PrintWriter out = cmd.commandLine().getOut();
        Path base = common.stateDir().resolve("demo");
        Path input = base.resolve("input");
        Path warehouse = base.resolve("warehouse");
        LocalDate exportDate = LocalDate.now(ZoneOffset.UTC);

        SyntheticExport.Options options = new SyntheticExport.Options(docs, 1, exportDate, 0.0002,
                Runtime.getRuntime().availableProcessors());
        reset(base);
        out.printf(Locale.ROOT, "== generating %,d documents into %s%n", docs, input);
        SyntheticExport.Summary s = SyntheticExport.write(input, options, line -> {
            out.println("   " + line);
            out.flush();
        });
        out.printf(Locale.ROOT, "   %d snapshots, %d collections, %d files, %,d bytes, %,d bad lines%n%n",
                s.snapshots().size(), s.collections(), s.files(), s.bytes(), s.badLines());

        out.println("== running the product");
        RunSpecOptions spec = new RunSpecOptions();
        spec.correlationId = CORRELATION_ID;
        spec.exportDate = exportDate.toString();
        spec.input = input;
        spec.warehouse = warehouse;
        spec.engine = "duckdb";
        spec.memory = "1GB";
        spec.maxBadFraction = 0.001;
        spec.leaseTtl = java.time.Duration.ofSeconds(60);
        spec.pushgatewayGrace = java.time.Duration.ZERO;
        spec.pushgatewayWipe = RunSpecOptions.WipeMode.run;
        LedgerOptions ledger = new LedgerOptions();
        ledger.ledger = "sqlite:" + base.resolve("ledger.db");
        int code;
        try (RunWiring w = RunWiring.forRun(common, ledger, spec, Clock.systemUTC())) {
            code = RunExecution.run(w, out, cmd.commandLine().getErr());
        }
        if (code != 0) {
            return code;
        }
        show(out, warehouse);
        out.println();
        out.println("Next:");
        out.println("  ./mongo-latest query --warehouse " + warehouse
                + " \"SELECT * FROM ucs_latest_redacted.statement_fact_v LIMIT 10\"");
        out.println("  ./mongo-latest report --correlation-id " + CORRELATION_ID + " --ledger sqlite:"
                + base.resolve("ledger.db"));
        out.println("  ./mongo-latest run --help");
        return 0;
    }

    private void show(PrintWriter out, Path warehouse) {
        EngineSettings settings = new EngineSettings(warehouse, DataSize.ofGigabytes(1),
                common.stateDir().resolve("tmp"), 0, true);
        List<TableName> tables = new Warehouse(warehouse, Clock.systemUTC()).tables();
        try (EngineSession session = WarehouseReader.open(new DuckDbEngine(), settings)) {
            out.println();
            out.println("== tables");
            TextTable t = new TextTable("TABLE", "ROWS", "COLUMNS");
            // The redacted copies show how many columns the classification let through.
            for (TableName table : tables) {
                QueryResult count = session.query("SELECT count(*) FROM " + table);
                QueryResult columns = session.query("SELECT * FROM " + table + " LIMIT 0");
                t.row(table.toString(), String.format(Locale.ROOT, "%,d", ((Number) count.single()).longValue()),
                        String.valueOf(columns.columns().size()));
            }
            t.print(out);
            out.println();
            out.println("== ucs_latest_redacted.statement_fact_v (5 rows, some of its columns)");
            ResultFormat.TABLE.print(session.query("SELECT statement_id, contract_id, assessment_period_start_date,"
                    + " assessment_period_end_date, take_home_pay, last_modified_date_time, status"
                    + " FROM ucs_latest_redacted.statement_fact_v ORDER BY statement_id LIMIT 5"), out);
        }
    }

    /** Replaces the previous demo's folder; refuses to touch a folder that is not one. */
    private static void reset(Path base) {
        try {
            if (Files.exists(base)) {
                if (!Files.exists(base.resolve("ledger.db")) && !Files.exists(base.resolve("input"))) {
                    throw MongoLatestException.user(base + " exists and is not a demo folder; move it away");
                }
                try (Stream<Path> walk = Files.walk(base)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(base);
        } catch (IOException e) {
            throw MongoLatestException.user("cannot prepare " + base + ": " + e.getMessage(), e);
        }
    }
}
