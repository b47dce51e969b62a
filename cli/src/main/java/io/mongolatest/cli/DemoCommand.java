package io.mongolatest.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.mongolatest.DataSize;
import io.mongolatest.ExitCode;
import io.mongolatest.engine.EngineSession;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.Engines;
import io.mongolatest.engine.WarehouseReader;
import io.mongolatest.latest.KeptState;
import io.mongolatest.pipeline.RunOptions;
import io.mongolatest.product.synthetic.Demo;
import io.mongolatest.product.synthetic.SyntheticExport;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.Storages;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;
import io.mongolatest.tables.TableStore;
import io.mongolatest.tables.TableStores;
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
    /** Enough for the demo's documents, and little enough for any laptop. */
    private static final DataSize MEMORY = DataSize.ofGibibytes(1);

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
        Demo demo = new Demo(common.stateDir().resolve("demo"));
        LocalDate exportDate = LocalDate.now(ZoneOffset.UTC);
        out.printf(Locale.ROOT, "== generating %,d documents into %s%n", docs, demo.input());
        SyntheticExport.Summary s = demo.prepare(docs, exportDate, line -> {
            out.println("   " + line);
            out.flush();
        });
        out.printf(Locale.ROOT, "   %d snapshots, %d collections, %d files, %,d bytes, %,d bad lines%n%n",
                s.snapshots().size(), s.collections(), s.files(), s.bytes(), s.badLines());

        out.println("== running the product");
        int code;
        try (RunWiring w = RunWiring.forRun(common, ledgerOf(demo), runOptions(demo, exportDate), Clock.systemUTC())) {
            code = RunExecution.run(w, out, cmd.commandLine().getErr());
        }
        if (code != ExitCode.SUCCESS.code()) {
            return code;
        }
        show(out, demo);
        out.println();
        out.println("Next:");
        out.println("  ./mongo-latest query --warehouse " + demo.warehouse()
                + " \"SELECT * FROM ucs_latest_redacted.statement_fact_v LIMIT 10\"");
        out.println("  ./mongo-latest report --correlation-id " + Demo.CORRELATION_ID + " --ledger sqlite:"
                + demo.ledger());
        out.println("  ./mongo-latest run --help");
        return ExitCode.SUCCESS.code();
    }

    /** The demo runs as {@code run} would with its defaults, but for the embedded ledger and {@link #MEMORY}. */
    private static RunSpecOptions runOptions(Demo demo, LocalDate exportDate) {
        RunSpecOptions spec = new RunSpecOptions();
        spec.correlationId = Demo.CORRELATION_ID;
        spec.exportDate = exportDate.toString();
        spec.input = demo.input().toString();
        spec.warehouse = demo.warehouse().toString();
        spec.engine = Engines.DEFAULT_ENGINE;
        spec.memory = MEMORY.toString();
        spec.threads = EngineSettings.DEFAULT_THREADS;
        spec.maxBadFraction = RunOptions.DEFAULT_MAX_BAD_FRACTION;
        spec.leaseTtl = RunOptions.DEFAULT_LEASE_TTL;
        spec.warehouseWait = RunOptions.DEFAULT_WAREHOUSE_WAIT;
        spec.pushgatewayGrace = RunOptions.DEFAULT_PUSHGATEWAY_GRACE;
        spec.pushgatewayWipe = RunSpecOptions.WipeMode.run;
        return spec;
    }

    private static LedgerOptions ledgerOf(Demo demo) {
        LedgerOptions ledger = new LedgerOptions();
        ledger.ledger = "sqlite:" + demo.ledger();
        return ledger;
    }

    private void show(PrintWriter out, Demo demo) {
        EngineSettings settings = new EngineSettings(demo.warehouse(), MEMORY,
                common.stateDir().resolve("tmp"), 0, true);
        LocalLocation at = LocalLocation.of(demo.warehouse());
        try (Storages storages = Storages.load(StorageSettings.defaults());
             TableStore warehouse = TableStores.open(storages, at, CatalogSpec.defaultFor(at).orElseThrow(),
                     CatalogEndpoints.none());
             EngineSession session = WarehouseReader.open(Engines.named(Engines.DEFAULT_ENGINE), settings, warehouse,
                KeptState::published)) {
            out.println();
            out.println("== tables");
            TextTable t = new TextTable("TABLE", "ROWS", "COLUMNS");
            for (Demo.TableSummary table : Demo.tables(session, warehouse)) {
                t.row(table.table().toString(), String.format(Locale.ROOT, "%,d", table.rows()),
                        String.valueOf(table.columns()));
            }
            t.print(out);
            out.println();
            out.println("== ucs_latest_redacted.statement_fact_v (5 rows, some of its columns)");
            ResultFormat.TABLE.print(Demo.sample(session), out);
        }
    }
}
