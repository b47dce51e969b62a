package io.mongolatest.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.mongolatest.MongoLatestException;
import io.mongolatest.storage.Location;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;
import picocli.CommandLine.Option;

/** Where the warehouse's tables are catalogued: {@code --catalog} and {@code --glue-endpoint}. */
final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "KIND",
            description = "The Iceberg catalog of the warehouse's tables: sqlite (Iceberg's JDBC catalog on a SQLite"
                    + " file inside a local warehouse), sqlite:PATH (that file, e.g. for an S3 warehouse on one machine),"
                    + " glue (the AWS Glue Data Catalog, what Athena reads), dynamodb:TABLE (Iceberg's DynamoDB catalog)"
                    + " or rest:URL (an Iceberg REST catalog). Default: sqlite for a local warehouse; an S3 warehouse"
                    + " needs one.")
    String catalog;

    @Option(names = "--glue-endpoint", paramLabel = "URL",
            description = "With --catalog glue: a Glue-compatible endpoint to use instead of AWS Glue, e.g."
                    + " http://127.0.0.1:5000.")
    String glueEndpoint;

    /** The catalog of {@code warehouse}: the one given, else its default; a user error when it has none. */
    CatalogSpec spec(Location warehouse) {
        if (catalog == null || catalog.isBlank()) {
            return CatalogSpec.defaultFor(warehouse).orElseThrow(() -> CatalogSpec.missingFor(warehouse));
        }
        return CatalogSpec.parse(catalog);
    }

    /** The stand-in endpoints: Glue's, and DynamoDB's as the ledger has it ({@code --dynamodb-endpoint}). */
    CatalogEndpoints endpoints(String dynamoDbEndpoint) {
        return new CatalogEndpoints(uri(glueEndpoint, "--glue-endpoint"), uri(dynamoDbEndpoint, "--dynamodb-endpoint"));
    }

    private static URI uri(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw MongoLatestException.user("invalid " + option + " " + text + ": give a URL, e.g. http://127.0.0.1:5000");
    }
}
