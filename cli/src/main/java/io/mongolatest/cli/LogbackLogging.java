package io.mongolatest.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.PrivateFiles;

/**
 * Where the log goes, when logback is this process's logging (the command line's own jar). The terminal keeps one line per problem: warnings and errors, without stack traces
 * ({@code --verbose} shows everything); the full log goes to {@code <state-dir>/logs/mongo-latest.log}, private to
 * its owner. {@link Main} installs this once per process; each command then points the log at its own state
 * folder, replacing the one before, so that commands run one after another in one JVM each log into their own.
 */
final class LogbackLogging implements Logging {
    private static final String TERMINAL = "TERMINAL";
    private static final String FILE = "FILE";
    private static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private final LoggerContext context;
    private final OutputStream terminal;

    LogbackLogging(LoggerContext context, OutputStream terminal) {
        this.context = context;
        this.terminal = terminal;
    }

    /** Once per process: this tool's terminal and levels instead of logback's start-up configuration. */
    static LogbackLogging ofProcess() {
        return new LogbackLogging((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory(), System.err);
    }

    @Override
    public void install() {
        context.reset();
        root().setLevel(Level.INFO);
        context.getLogger("io.mongolatest").setLevel(Level.DEBUG);
        attachTerminal(false);
    }

    /**
     * Per command: the log goes into {@code stateDir} from now on (null: into no file), and the terminal, when
     * installed, shows what {@code verbose} asks for. A log that cannot be written refuses the command, unless it
     * {@code onlyReads}: then the terminal is its only log, with a warning saying so.
     */
    @Override
    public void forCommand(Path stateDir, boolean verbose, boolean onlyReads) {
        if (root().getAppender(TERMINAL) != null) {
            attachTerminal(verbose);
        }
        Optional<Path> log = Optional.ofNullable(stateDir).map(d -> d.resolve("logs").resolve("mongo-latest.log"));
        if (log.equals(logFile())) {
            return;
        }
        detach(FILE);
        if (log.isEmpty()) {
            return;
        }
        try {
            attachFile(log.get());
        } catch (IOException e) {
            String problem = "cannot write the log " + log.get() + ": " + reason(e);
            if (!onlyReads) {
                throw MongoLatestException.user(problem, e);
            }
            logger(LogbackLogging.class).warn("{}; this command logs to the terminal only", problem);
        }
    }

    /** A logger of this logging's context. */
    @Override
    public org.slf4j.Logger logger(Class<?> owner) {
        return context.getLogger(owner);
    }

    /** The log file in use, if a command set one. */
    @Override
    public Optional<Path> logFile() {
        Appender<ILoggingEvent> a = root().getAppender(FILE);
        return a instanceof FileAppender<ILoggingEvent> f ? Optional.of(Path.of(f.getFile())) : Optional.empty();
    }

    private void attachTerminal(boolean verbose) {
        detach(TERMINAL);
        OutputStreamAppender<ILoggingEvent> a = new OutputStreamAppender<>();
        a.setContext(context);
        a.setName(TERMINAL);
        a.setEncoder(encoder(verbose ? "%level: %msg%n%ex" : "%level: %msg%n%nopex"));
        // Stopping an appender closes its stream: the terminal's must stay open.
        a.setOutputStream(new FilterOutputStream(terminal) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        if (!verbose) {
            a.addFilter(new OneLinePerProblem());
        }
        a.start();
        root().addAppender(a);
    }

    private void attachFile(Path log) throws IOException {
        // The log holds input locations and error details: the state folder and the log are the owner's only.
        PrivateFiles.createDirectories(log.getParent());
        boolean made = false;
        if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
            try {
                PrivateFiles.newOutputStream(log).close();
                made = true;
            } catch (FileAlreadyExistsException e) {
                // Another run sharing the state folder made it a moment ago: check it as an existing one.
            }
        }
        if (!made) {
            // The appender would fail without a word (a folder in the log's place, no right to write it).
            Files.newOutputStream(log, StandardOpenOption.APPEND).close();
        }
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName(FILE);
        file.setFile(log.toString());
        file.setAppend(true);
        file.setPrudent(true); // several runs may write the same file at once
        file.setEncoder(encoder(FILE_PATTERN));
        file.start();
        root().addAppender(file);
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is in the way: it is not a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    }

    private PatternLayoutEncoder encoder(String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private void detach(String name) {
        Appender<ILoggingEvent> a = root().getAppender(name);
        if (a != null) {
            root().detachAppender(a);
            a.stop();
        }
    }

    private Logger root() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Warnings and errors, but not what is marked {@link #LOG_ONLY}. */
    private static final class OneLinePerProblem extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            List<Marker> markers = event.getMarkerList();
            boolean logOnly = markers != null && markers.contains(LOG_ONLY);
            return event.getLevel().isGreaterOrEqual(Level.WARN) && !logOnly ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
