package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mongolatest.DataSize;
import io.mongolatest.engine.EngineSettings;
import io.mongolatest.engine.Engines;
import io.mongolatest.pipeline.RunOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Defaults are the core's, and --help shows each one as it is. */
class OptionDefaultsTest {
    private static CommandLine commandLine() {
        return Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void anOptionWithADefaultShowsItInItsHelp() {
        List<String> hidden = new ArrayList<>();
        collect(commandLine(), hidden);
        assertThat(hidden).as("options whose default --help does not show").isEmpty();
    }

    private static void collect(CommandLine cl, List<String> hidden) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            boolean flag = o.typeInfo().isBoolean();
            String shown = "Default: " + o.defaultValueString();
            if (o.defaultValue() != null && !flag && !String.join(" ", o.description()).contains(shown)) {
                hidden.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName());
            }
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, hidden));
    }

    @Test
    void runTakesItsDefaultsFromTheCore() {
        CommandLine cl = commandLine();
        RunCommand run = (RunCommand) cl.parseArgs("run", "--correlation-id", "c", "--input", "in").subcommand()
                .commandSpec().userObject();
        assertThat(run.spec.leaseTtl).isEqualTo(RunOptions.DEFAULT_LEASE_TTL);
        assertThat(run.spec.pushgatewayGrace).isEqualTo(RunOptions.DEFAULT_PUSHGATEWAY_GRACE);
        assertThat(run.spec.maxBadFraction).isEqualTo(RunOptions.DEFAULT_MAX_BAD_FRACTION);
        assertThat(run.spec.threads).isEqualTo(EngineSettings.DEFAULT_THREADS);
        assertThat(DataSize.parse(run.spec.memory)).isEqualTo(EngineSettings.DEFAULT_MEMORY_LIMIT);
        assertThat(run.spec.engine).isEqualTo(Engines.DEFAULT_ENGINE);
    }

    @Test
    void helpShowsTheCoresDefaults() {
        CliRun help = CliRun.of("run", "--help");
        assertThat(help.exitCode()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("Default: " + RunOptions.DEFAULT_LEASE_TTL_TEXT + ".",
                "Default: " + RunOptions.DEFAULT_MAX_BAD_FRACTION_TEXT + ".",
                "Default: " + RunOptions.DEFAULT_PUSHGATEWAY_GRACE_TEXT + ".",
                "Default: " + EngineSettings.DEFAULT_MEMORY_LIMIT_TEXT + ".",
                "Default: " + Engines.DEFAULT_ENGINE + ".");
    }
}
