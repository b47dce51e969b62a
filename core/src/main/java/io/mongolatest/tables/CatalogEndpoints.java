package io.mongolatest.tables;

import java.net.URI;

/**
 * Where the AWS catalogs are when they are not AWS's own: stand-ins given on the command line. Null: AWS.
 *
 * @param glue     the Glue endpoint ({@code --glue-endpoint}) for {@code --catalog glue}
 * @param dynamoDb the DynamoDB endpoint ({@code --dynamodb-endpoint}, the ledger's too) for
 *                 {@code --catalog dynamodb:TABLE}
 */
public record CatalogEndpoints(URI glue, URI dynamoDb) implements java.io.Serializable {
    /** AWS's own endpoints. */
    public static CatalogEndpoints none() {
        return new CatalogEndpoints(null, null);
    }
}
