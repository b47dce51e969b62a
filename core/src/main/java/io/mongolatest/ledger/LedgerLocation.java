package io.mongolatest.ledger;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.mongolatest.MongoLatestException;

/**
 * Where the run ledger lives, as given with {@code --ledger}: {@code sqlite:PATH} or {@code dynamodb:TABLE}.
 * Bare {@code sqlite} and {@code dynamodb} mean the default file and table.
 */
public sealed interface LedgerLocation {
    String DEFAULT_FILE = "ledger.db";

    /** The SQLite file; null means {@code <state-dir>/ledger.db}. */
    record Sqlite(Path file) implements LedgerLocation {
        public Path file(Path stateDir) {
            return file != null ? file : requireNonNull(stateDir, "stateDir is null").resolve(DEFAULT_FILE);
        }

        @Override
        public RunLedger open(Path stateDir, URI dynamoDbEndpointOrNull, boolean enableTimeToLive) {
            if (dynamoDbEndpointOrNull != null) {
                throw MongoLatestException.user("--dynamodb-endpoint needs --ledger dynamodb:TABLE, not " + this);
            }
            return SqliteLedger.open(file(stateDir));
        }

        @Override
        public RunLedger openExisting(Path stateDir, URI dynamoDbEndpointOrNull) {
            Path f = file(stateDir).toAbsolutePath().normalize();
            if (java.nio.file.Files.exists(f)) {
                // A read-only state folder can still be looked at (status, report).
                return java.nio.file.Files.isWritable(f.getParent()) ? open(stateDir, dynamoDbEndpointOrNull)
                        : SqliteLedger.openReadOnly(f);
            }
            if (file != null) {
                throw MongoLatestException.user("no ledger at " + f.toAbsolutePath().normalize() + " (check --ledger)");
            }
            return new NoLedger("sqlite:" + f.toAbsolutePath().normalize());
        }

        @Override
        public String toString() {
            return "sqlite:" + (file != null ? file : "<state-dir>/" + DEFAULT_FILE);
        }
    }

    record DynamoDb(String table) implements LedgerLocation {
        private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

        public DynamoDb {
            requireNonNull(table, "table is null");
            if (!TABLE_NAME.matcher(table).matches()) {
                throw MongoLatestException.user("invalid DynamoDB table name '" + table
                        + "': use 3-255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
            }
        }

        @Override
        public RunLedger open(Path stateDir, URI dynamoDbEndpointOrNull, boolean enableTimeToLive) {
            return DynamoDbLedger.open(table, dynamoDbEndpointOrNull, enableTimeToLive);
        }

        @Override
        public RunLedger openExisting(Path stateDir, URI dynamoDbEndpointOrNull) {
            return open(stateDir, dynamoDbEndpointOrNull);
        }

        @Override
        public String toString() {
            return "dynamodb:" + table;
        }
    }

    /** Opens the ledger, creating a SQLite file that is not there yet; {@code stateDir} places the default one. */
    default RunLedger open(Path stateDir, URI dynamoDbEndpointOrNull) {
        return open(stateDir, dynamoDbEndpointOrNull, true);
    }

    /**
     * Opens the ledger; with {@code enableTimeToLive} false, {@link RunLedger#init()} leaves TTL off (for
     * DynamoDB-compatible stores that have none; SQLite has none anyway).
     */
    RunLedger open(Path stateDir, URI dynamoDbEndpointOrNull, boolean enableTimeToLive);

    /**
     * Opens the ledger to look runs up, never creating it: a missing default SQLite file holds no runs,
     * a missing file given with {@code --ledger} is a user error (most likely a typo).
     */
    RunLedger openExisting(Path stateDir, URI dynamoDbEndpointOrNull);

    /** Parses a {@code --ledger} value; null or blank is the default SQLite file. */
    static LedgerLocation parse(String value) {
        if (value == null || value.isBlank() || value.equals("sqlite")) {
            return new Sqlite(null);
        }
        if (value.equals("dynamodb")) {
            return new DynamoDb(DynamoDbLedger.DEFAULT_TABLE);
        }
        if (value.startsWith("dynamodb:")) {
            return new DynamoDb(value.substring("dynamodb:".length()));
        }
        if (value.startsWith("sqlite:") && !value.substring("sqlite:".length()).isBlank()) {
            String path = value.substring("sqlite:".length());
            if (path.startsWith("~/")) {
                path = System.getProperty("user.home") + path.substring(1);
            }
            try {
                return new Sqlite(Path.of(path));
            } catch (InvalidPathException e) {
                throw MongoLatestException.user("invalid ledger path '" + path + "': " + e.getReason(), e);
            }
        }
        throw MongoLatestException.user("--ledger must be sqlite:PATH or dynamodb:TABLE, not '" + value + "'");
    }
}
