package io.mongolatest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.mongolatest.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.mongolatest.pipeline.RunParameters;
import io.mongolatest.product.MongoArguments;
import io.mongolatest.product.synthetic.SyntheticExport;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic synthetic snapshot export: one full and three incremental snapshots "
                + "dated up to the export date, six collections shaped like Universal Credit data, with versions, "
                + "removals and optional bad lines. The same options always write the same files."})
final class GenerateCommand implements Callable<Integer> {
    @Mixin(name = "common")
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty folder to write into.")
    Path out;

    @Option(names = "--docs", required = true, paramLabel = "N", description = "Document lines to write in all.")
    long docs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--export-date", paramLabel = "YYYY-MM-DD",
            description = "The newest snapshot's date (default today); the full one is three days before.")
    String exportDate;

    @Option(names = "--bad-fraction", defaultValue = "0", paramLabel = "F",
            description = "Chance of a bad line after each document. Default: ${DEFAULT-VALUE}.")
    double badFraction;

    @Option(names = "--threads", paramLabel = "N", description = "Files written at once (default: the CPU count).")
    Integer threads;

    @Override
    public Integer call() {
        LocalDate date = MongoArguments.parseExportDate(exportDate, LocalDate.now(ZoneOffset.UTC));
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        PrintWriter w = spec.commandLine().getOut();
        SyntheticExport.Summary s = SyntheticExport.write(out.toAbsolutePath().normalize(),
                new SyntheticExport.Options(docs, seed, date, badFraction, Math.max(1, t)), line -> {
                    w.println("  " + line);
                    w.flush();
                });
        w.printf(Locale.ROOT, "wrote %,d documents, %,d bad and %,d blank lines in %d files (%,d bytes) to %s%n",
                s.documents(), s.badLines(), s.blankLines(), s.files(), s.bytes(), out.toAbsolutePath().normalize());
        w.println("snapshots: " + String.join(", ", s.snapshots()));
        w.flush();
        return ExitCode.SUCCESS.code();
    }
}
