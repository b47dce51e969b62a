package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The default pipeline's steps as a cluster runs them after a relaunch, or as steps on machines of their own:
 * each a {@code step} command with a state folder of its own, empty ({@code <dir>/node-<step>}), in order.
 */
final class FreshStateSteps {
    /** The default pipeline's steps, in order. */
    static final List<String> STEPS = List.of("courtesy-flush", "create-mongo-latest-dbs", "mongo-latest-build",
            "mongo-latest-views", "mongo-latest-publish", "flush-pushgateway");

    private FreshStateSteps() {
    }

    /** Runs every step with the arguments {@code args} gives for its name and state folder; each must succeed. */
    static void run(Path dir, BiFunction<String, Path, String[]> args) {
        for (String step : STEPS) {
            CliRun r = CliRun.of(args.apply(step, dir.resolve("node-" + step)));
            assertThat(r.exitCode()).as(step + ": " + r.out() + r.err()).isZero();
        }
    }

    /** A generated export of {@code docs} documents in {@code out}. */
    static void generate(Path out, Path state, int docs, int seed, String badFraction) {
        CliRun gen = CliRun.of("generate", "--out", out.toString(), "--docs", Integer.toString(docs), "--seed",
                Integer.toString(seed), "--bad-fraction", badFraction, "--export-date", "2026-11-20", "--state-dir",
                state.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
    }
}
