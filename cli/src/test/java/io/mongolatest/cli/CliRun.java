package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in this JVM and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Generates the synthetic export of {@code docs} documents for export date 2026-11-20 into {@code out}, with
     * {@code more} options of {@code generate}; the test stops unless it succeeds.
     */
    static void generate(Path out, int docs, int seed, Path state, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--out", out.toString(), "--docs",
                String.valueOf(docs), "--seed", String.valueOf(seed), "--export-date", "2026-11-20", "--state-dir",
                state.toString()));
        args.addAll(List.of(more));
        CliRun gen = of(args.toArray(String[]::new));
        assertThat(gen.exitCode()).as(gen.err()).isZero();
    }
}
