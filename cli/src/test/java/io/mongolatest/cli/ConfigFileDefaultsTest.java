package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.MongoLatestException;
import io.mongolatest.pipeline.RunOptions;
import picocli.CommandLine;

/** A --config file: keys at the top apply where the option exists, a command's section to that command only. */
class ConfigFileDefaultsTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    /** The command line {@code args} as picocli parses it with the file's defaults. */
    private <T> T parsed(Path config, String... args) {
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.setDefaultValueProvider(ConfigFileDefaults.load(config, cl));
        CommandLine.ParseResult r = cl.parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        @SuppressWarnings("unchecked")
        T command = (T) r.commandSpec().userObject();
        return command;
    }

    private CliRun run(Path config, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        all[args.length + 2] = "--state-dir";
        all[args.length + 3] = dir.resolve("state").toString();
        return CliRun.of(all);
    }

    @Test
    void aSectionIsForItsCommandOnlyAndWinsOverTheTop() throws IOException {
        Path config = config("""
                memory: 1GiB
                lease-ttl: 90s
                run:
                  memory: 3GiB
                query:
                  format: csv
                tune:
                  format: json
                """);
        RunCommand run = parsed(config, "run", "--correlation-id", "c", "--input", "in");
        assertThat(run.spec.memory).isEqualTo("3GiB");
        assertThat(run.spec.leaseTtl).hasSeconds(90);
        PlanCommand plan = parsed(config, "plan", "--correlation-id", "c", "--input", "in");
        assertThat(plan.spec.memory).isEqualTo("1GiB");
        QueryCommand query = parsed(config, "query", "--warehouse", "wh", "SELECT 1");
        assertThat(query.format).isEqualTo(ResultFormat.CSV);
        assertThat(query.memory).isEqualTo("1GiB");
        TuneCommand tune = parsed(config, "tune", "--list-types");
        assertThat(tune.format).isEqualTo(TuneCommand.Format.json);
        RunCommand flags = parsed(config, "run", "--correlation-id", "c", "--input", "in", "--memory", "5GiB");
        assertThat(flags.spec.memory).as("flags win over the file").isEqualTo("5GiB");
    }

    @Test
    void aKeyAtTheTopLeavesCommandsWithoutThatOptionAlone() throws IOException {
        Path config = config("correlation-id: c\nmax-bad-fraction: 0.01\nformat: json\n");
        CliRun tune = run(config, "tune", "--list-types");
        assertThat(tune.exitCode()).as(tune.err()).isZero();
        assertThat(tune.out()).contains("m5.4xlarge (16 vCPUs, 64 GiB)");
        RunCommand run = parsed(config, "run", "--input", "in");
        assertThat(run.spec.correlationId).isEqualTo("c");
        assertThat(run.spec.maxBadFraction).isEqualTo(0.01);
    }

    @Test
    void subcommandsHaveSectionsInTheirCommandsSection() throws IOException {
        Path config = config("""
                ledger:
                  ledger: sqlite:elsewhere.db
                  init:
                    no-ttl: true
                """);
        LedgerCommand.Init init = parsed(config, "ledger", "init");
        assertThat(init.noTtl).isTrue();
        assertThat(init.ledger.ledger).isEqualTo("sqlite:elsewhere.db");
        StatusCommand status = parsed(config, "status");
        assertThat(status.runs.ledger.ledger).as("the ledger section is not status's").isNull();
    }

    @Test
    void helpShowsTheFilesValueAsTheDefault() throws IOException {
        CliRun help = run(config("run:\n  lease-ttl: 90s\n"), "run", "--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("Default: 90s.")
                .doesNotContain("Default: " + RunOptions.DEFAULT_LEASE_TTL_TEXT + ".");
    }

    @Test
    void unknownKeysAndCommandsNameTheFileAndTheLine() throws IOException {
        assertRefused("memory: 1GiB\ncorelation-id: x\n",
                "config.yaml:2: unknown key 'corelation-id': no command has an option --corelation-id");
        assertRefused("run:\n  format: csv\n", "config.yaml:2: unknown key 'format' in 'run': mongo-latest run has"
                + " no option --format");
        assertRefused("rnu:\n  memory: 1GiB\n", "config.yaml:2: unknown command 'rnu'");
        assertRefused("run: 4GiB\n", "config.yaml:1: 'run' is a command: its section must be a mapping");
        assertRefused("memory: [1GiB, 2GiB]\n", "config.yaml:1: 'memory' must be a single value");
        assertRefused("memory: 1GiB\nmemory: 2GiB\n", "config.yaml:2: duplicate key 'memory'");
        assertRefused("config: other.yaml\n", "config.yaml:1: a config file cannot name another");
        assertRefused("help: true\n", "unknown key 'help'");
    }

    private void assertRefused(String yaml, String message) throws IOException {
        Path config = config(yaml);
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThatThrownBy(() -> ConfigFileDefaults.load(config, cl)).as(yaml)
                .isInstanceOf(MongoLatestException.class).hasMessageContaining(message);
        CliRun r = run(config, "tune", "--list-types");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).contains(message).doesNotContain("\n");
    }

    @Test
    void aValueAtTheTopThatACommandCannotTakeSaysWhereItIsWritten() throws IOException {
        Path config = config("state-dir: " + dir.resolve("state") + "\nformat: csv\n");
        CliRun tune = run(config, "tune", "--list-types");
        assertThat(tune.exitCode()).isEqualTo(2);
        assertThat(tune.err().strip()).doesNotContain("\n")
                .startsWith("error: config file " + config + ":2: Invalid value for option '--format'")
                .contains("(for mongo-latest tune)", "put it in the section of the command it is for");
        QueryCommand query = parsed(config, "query", "--warehouse", "wh", "SELECT 1");
        assertThat(query.format).as("csv suits query").isEqualTo(ResultFormat.CSV);
        CliRun flag = run(config("tune:\n  format: json\n"), "tune", "--list-types", "--format", "yaml");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.err()).as("a flag's mistake is the flag's").doesNotContain("config.yaml")
                .contains("(see 'mongo-latest tune --help')");
    }

    @Test
    void theFileMayBeNamedWithAnEqualsSign() throws IOException {
        Path config = config("tune:\n  format: jsn\n");
        CliRun r = CliRun.of("tune", "--list-types", "--config=" + config, "--state-dir", dir.resolve("state").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("config file " + config + ":2: Invalid value for option '--format'")
                .doesNotContain("a key at the top");
    }

    @Test
    void anEmptyFileGivesNoDefaults() throws IOException {
        CliRun tune = run(config("# nothing yet\n"), "tune", "--list-types");
        assertThat(tune.exitCode()).as(tune.err()).isZero();
    }

    private static void assertOneLineUserError(CliRun r, String... expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ").contains(expected).doesNotContain("\n")
                .doesNotContain("Exception").doesNotContain("Error:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileNestedThousandsOfLevelsDeepIsOneLine() throws IOException {
        String lists = "run:\n  memory: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        Path config = config(lists);
        assertOneLineUserError(run(config, "status"), "config file " + config + ":2: ", "nested deeper than");
        Path mappings = config("run: " + "{a: ".repeat(5000) + "1" + "}".repeat(5000) + "\n");
        assertOneLineUserError(run(mappings, "status"), "config file " + mappings + ":1: ", "nested deeper than");
    }

    @Test
    void anAliasBombIsRefusedQuickly() throws IOException {
        // "Billion laughs": nine levels of nine aliases each, 9^9 lists if anything expanded them.
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (String level : new String[] {"b", "c", "d", "e", "f", "g", "h", "i"}) {
            yaml.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = level;
        }
        Path config = config(yaml.toString());
        CliRun r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> run(config, "status"));
        assertOneLineUserError(r, "config file " + config, "aliases");
    }
}
