package io.mongolatest.cli;

/**
 * A command that only reads (status, report, query): it works where its log cannot be written, e.g. in a
 * read-only state folder, and then logs to the terminal alone.
 */
interface ReadCommand {
}
