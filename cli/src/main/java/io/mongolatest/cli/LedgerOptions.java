package io.mongolatest.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import io.mongolatest.MongoLatestException;
import io.mongolatest.ledger.DynamoDbLedger;
import io.mongolatest.ledger.LedgerLocation;
import io.mongolatest.ledger.RunLedger;
import picocli.CommandLine.Option;

/** Where the run ledger is: {@code --ledger} and {@code --dynamodb-endpoint}. */
final class LedgerOptions {
    @Option(names = "--ledger", paramLabel = "sqlite:PATH|dynamodb:TABLE",
            description = "Run ledger; bare sqlite or dynamodb: the default file or table (" + DynamoDbLedger.DEFAULT_TABLE
                    + "). Default: sqlite:<state-dir>/" + LedgerLocation.DEFAULT_FILE + ".")
    String ledger;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "DynamoDB endpoint, e.g. http://127.0.0.1:4567 for a local DynamoDB-compatible server"
                    + " such as dynalite.")
    String dynamoDbEndpoint;

    RunLedger open(Path stateDir) {
        return location().open(stateDir, endpoint());
    }

    /** For commands that only look runs up: never creates a ledger. */
    RunLedger openExisting(Path stateDir) {
        return location().openExisting(stateDir, endpoint());
    }

    /** Opens the ledger for {@code ledger init}: with TTL enabled unless {@code enableTimeToLive} is false. */
    RunLedger openForInit(Path stateDir, boolean enableTimeToLive) {
        return location().open(stateDir, endpoint(), enableTimeToLive);
    }

    /** Checks the flags without opening anything. */
    LedgerLocation location() {
        return LedgerLocation.parse(ledger);
    }

    private URI endpoint() {
        if (dynamoDbEndpoint == null || dynamoDbEndpoint.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(dynamoDbEndpoint);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(dynamoDbEndpoint, "expected http(s)://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw MongoLatestException.user("invalid --dynamodb-endpoint '" + dynamoDbEndpoint + "': " + e.getReason());
        }
    }
}
