package io.mongolatest.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import io.mongolatest.storage.PrivateFiles;

/**
 * Sends the full log (with stack traces) to {@code <state-dir>/logs/mongo-latest.log}; the terminal
 * keeps warnings only, so that a user sees one line per problem.
 */
final class Logging {
    private static final String FILE_APPENDER = "FILE";

    private Logging() {
    }

    static void toStateDir(Path stateDir, boolean verbose) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(FILE_APPENDER) == null) {
            Path log = stateDir.resolve("logs").resolve("mongo-latest.log");
            createPrivately(log);
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(ctx);
            encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n");
            encoder.start();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(ctx);
            file.setName(FILE_APPENDER);
            file.setFile(log.toString());
            file.setAppend(true);
            file.setPrudent(true); // several runs may write the same file at once
            file.setEncoder(encoder);
            file.start();
            root.addAppender(file);
            root.setLevel(Level.INFO);
        }
        if (verbose) {
            ctx.getLogger("io.mongolatest").setLevel(Level.DEBUG);
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> a = it.next();
                if (!FILE_APPENDER.equals(a.getName())) {
                    a.clearAllFilters();
                }
            }
        }
    }

    /** The log holds input locations and error details: the state folder and the log are the owner's only. */
    private static void createPrivately(Path log) {
        try {
            PrivateFiles.createDirectories(log.getParent());
            if (!Files.exists(log)) {
                PrivateFiles.newOutputStream(log).close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log file in use, or null before a command configured it. */
    static String logFile() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> a = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(FILE_APPENDER);
        return a instanceof FileAppender<ILoggingEvent> f ? f.getFile() : null;
    }
}
