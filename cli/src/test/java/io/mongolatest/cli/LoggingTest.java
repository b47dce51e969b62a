package io.mongolatest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.mongolatest.MongoLatestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The terminal gets one line per problem, the log file everything, in the folder of the command at hand. On a
 * logging context of its own, with logback's real appenders and files.
 */
class LoggingTest {
    @TempDir
    Path dir;

    private final LoggerContext context = context();
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final LogbackLogging logging = new LogbackLogging(context, terminal);

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String terminal() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void theTerminalGetsOneLinePerProblemAndTheLogEverything() throws IOException {
        logging.install();
        logging.forCommand(dir.resolve("state"), false, false);
        org.slf4j.Logger log = logging.logger(LoggingTest.class);
        log.info("started");
        log.warn("cannot push metrics", new IllegalStateException("connection refused"));
        log.error(Logging.LOG_ONLY, "told already", new IllegalStateException("boom"));
        assertThat(terminal()).isEqualTo("WARN: cannot push metrics" + System.lineSeparator());
        Path file = dir.resolve("state/logs/mongo-latest.log");
        assertThat(logging.logFile()).contains(file);
        assertThat(read(file)).contains("started", "cannot push metrics", "java.lang.IllegalStateException: boom",
                "\tat ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void verboseShowsEverythingForThatCommandOnly() {
        logging.install();
        logging.forCommand(dir.resolve("state"), true, false);
        org.slf4j.Logger log = logging.logger(LoggingTest.class);
        log.debug("details", new IllegalStateException("boom"));
        assertThat(terminal()).contains("DEBUG: details", "java.lang.IllegalStateException: boom", "\tat ");
        terminal.reset();
        logging.forCommand(dir.resolve("state"), false, false);
        log.debug("quiet again");
        log.warn("one line", new IllegalStateException("boom"));
        assertThat(terminal()).isEqualTo("WARN: one line" + System.lineSeparator());
    }

    @Test
    void eachCommandLogsIntoItsOwnStateFolder() throws IOException {
        org.slf4j.Logger log = logging.logger(LoggingTest.class);
        logging.forCommand(dir.resolve("a"), false, false);
        log.warn("for a");
        logging.forCommand(dir.resolve("b"), false, false);
        log.warn("for b");
        assertThat(read(dir.resolve("a/logs/mongo-latest.log"))).contains("for a").doesNotContain("for b");
        assertThat(read(dir.resolve("b/logs/mongo-latest.log"))).contains("for b").doesNotContain("for a");
        logging.forCommand(null, false, false);
        log.warn("for nobody");
        assertThat(logging.logFile()).isEmpty();
        assertThat(read(dir.resolve("b/logs/mongo-latest.log"))).doesNotContain("for nobody");
        assertThat(terminal()).as("not installed: the terminal is left as it was").isEmpty();
    }

    @Test
    void aLogThatCannotBeWrittenLeavesAReaderOnTheTerminalAndRefusesAWriter() throws IOException {
        logging.install();
        Path state = Files.createDirectories(dir.resolve("state"));
        // Not chmod: the tests run as root, whom a read-only folder does not stop.
        Files.writeString(state.resolve("logs"), "a file where the log's folder should be");
        assertThatThrownBy(() -> logging.forCommand(state, false, false)).isInstanceOf(MongoLatestException.class)
                .hasMessageStartingWith("cannot write the log " + state.resolve("logs/mongo-latest.log"));
        logging.forCommand(state, false, true);
        assertThat(logging.logFile()).isEmpty();
        logging.logger(LoggingTest.class).warn("still told");
        assertThat(terminal().lines()).hasSize(2).last().isEqualTo("WARN: still told");
        assertThat(terminal()).startsWith("WARN: cannot write the log " + state.resolve("logs/mongo-latest.log"))
                .contains("this command logs to the terminal only");

        Files.delete(state.resolve("logs"));
        Files.createDirectories(state.resolve("logs/mongo-latest.log"));
        assertThatThrownBy(() -> logging.forCommand(state, false, false)).as("a folder in the log's place")
                .isInstanceOf(MongoLatestException.class).hasMessageContaining("cannot write the log");
    }

    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void anUnexpectedFailureIsOneLineWithTheStackTraceInTheLog() throws IOException {
        logging.install();
        logging.forCommand(dir.resolve("state"), false, false);
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Failing());
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new FailureHandler(logging));
        assertThat(cl.execute()).isEqualTo(1);
        Path file = dir.resolve("state/logs/mongo-latest.log");
        assertThat(err.toString()).isEqualTo("internal error: java.lang.IllegalStateException: boom (stack trace in "
                + file + ")" + System.lineSeparator());
        assertThat(terminal()).as("nothing beyond the one line").isEmpty();
        assertThat(read(file)).contains("unexpected failure", "java.lang.IllegalStateException: boom", "\tat ");
    }

    @Command(name = "overflowing")
    static final class Overflowing implements Callable<Integer> {
        @Mixin(name = "common")
        CommonOptions common;

        @Override
        public Integer call() {
            return depth(0);
        }

        private static int depth(int n) {
            return depth(n + 1) + 1;
        }
    }

    @Test
    void anErrorOfTheJvmIsOneLineWithTheStackTraceInTheLog() throws IOException {
        logging.install();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine(new Overflowing(), new PrintWriter(out, true), new PrintWriter(err, true),
                logging);
        assertThat(cl.execute("--state-dir", dir.resolve("state").toString())).isEqualTo(1);
        Path file = dir.resolve("state/logs/mongo-latest.log");
        assertThat(err.toString()).isEqualTo("internal error: java.lang.StackOverflowError (stack trace in " + file
                + ")" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
        assertThat(terminal()).as("nothing beyond the one line").isEmpty();
        assertThat(read(file)).contains("unexpected failure", "java.lang.StackOverflowError", "\tat ");
    }

    @Test
    void inProcessCommandsLogIntoTheirOwnFoldersAndHelpIntoNone() throws IOException {
        assertThat(CliRun.of("status", "--state-dir", dir.resolve("a").toString()).exitCode()).isZero();
        assertThat(CliRun.of("status", "--state-dir", dir.resolve("b").toString()).exitCode()).isZero();
        LoggerFactory.getLogger(LoggingTest.class).warn("after b");
        assertThat(read(dir.resolve("b/logs/mongo-latest.log"))).contains("after b");
        assertThat(read(dir.resolve("a/logs/mongo-latest.log"))).doesNotContain("after b");
        assertThat(CliRun.of("run", "--help", "--state-dir", dir.resolve("c").toString()).exitCode()).isZero();
        assertThat(dir.resolve("c")).doesNotExist();
    }
}
