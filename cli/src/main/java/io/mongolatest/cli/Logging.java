package io.mongolatest.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The logging of this process. The command line's jar brings logback and sets it up itself
 * ({@link LogbackLogging}); under {@code spark-submit} on a cluster the host's own binding (Spark's log4j2) is
 * the one SLF4J found, and its configuration is left as the cluster made it: the log goes where EMR keeps a
 * step's output.
 */
interface Logging {
    /** Marks what the terminal has been told already in a line of its own: only the log gets the details. */
    Marker LOG_ONLY = MarkerFactory.getMarker("LOG_ONLY");

    /** Once per process: this tool's terminal and levels. */
    void install();

    /**
     * Per command: the log goes into {@code stateDir} from now on (null: into no file). When the log cannot be
     * written there, a command that {@code onlyReads} logs to the terminal alone; any other is refused.
     */
    void forCommand(Path stateDir, boolean verbose, boolean onlyReads);

    org.slf4j.Logger logger(Class<?> owner);

    /** The log file in use, if there is one. */
    Optional<Path> logFile();

    /** The logging of this process, to its standard error. */
    static Logging ofProcess() {
        // By name: on a cluster logback's classes are not there to be loaded.
        if ("ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            return LogbackLogging.ofProcess();
        }
        return new HostLogging();
    }

    /** Logging as the host process configured it. */
    final class HostLogging implements Logging {
        @Override
        public void install() {
        }

        @Override
        public void forCommand(Path stateDir, boolean verbose, boolean onlyReads) {
        }

        @Override
        public org.slf4j.Logger logger(Class<?> owner) {
            return LoggerFactory.getLogger(owner);
        }

        @Override
        public Optional<Path> logFile() {
            return Optional.empty();
        }
    }
}
