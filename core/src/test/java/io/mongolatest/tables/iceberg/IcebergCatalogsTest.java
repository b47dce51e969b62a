package io.mongolatest.tables.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mongolatest.ErrorKind;
import io.mongolatest.MongoLatestException;
import io.mongolatest.aws.LocalEndpointCredentials;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;

/** The catalog properties each {@code --catalog} becomes, and what a user can get wrong, told in one line. */
final class IcebergCatalogsTest {
    private static final Location S3_WAREHOUSE = S3Location.parse("s3://bucket/prefix");
    private static final URI STAND_IN = URI.create("http://127.0.0.1:4567");

    @Test
    void aStandInGetsItsEndpointsPathStyleTheLocalRegionAndCredentialsByClassNotBySecret() {
        String secret = "not-to-be-copied-" + System.nanoTime();
        String saved = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", secret);
        try {
            Map<String, String> props = IcebergCatalogs.properties(CatalogSpec.parse("glue"), S3_WAREHOUSE,
                    StorageSettings.of("http://127.0.0.1:9000"), new CatalogEndpoints(STAND_IN, null));

            assertThat(props).containsEntry("catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog")
                    .containsEntry("glue.endpoint", STAND_IN.toString())
                    .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
                    .containsEntry("s3.path-style-access", "true")
                    .containsEntry("warehouse", "s3://bucket/prefix")
                    .containsEntry("io-impl", WarehouseFileIO.class.getName())
                    .containsEntry("client.credentials-provider", LocalEndpointCredentials.class.getName())
                    .containsKey("client.region");
            assertThat(props.values()).noneMatch(v -> v.contains(secret));
        } finally {
            if (saved == null) {
                System.clearProperty("aws.secretAccessKey");
            } else {
                System.setProperty("aws.secretAccessKey", saved);
            }
        }
    }

    @Test
    void onAwsItselfIcebergKeepsTheSdkDefaults() {
        Map<String, String> props = IcebergCatalogs.properties(CatalogSpec.parse("dynamodb:my_tables"), S3_WAREHOUSE,
                StorageSettings.defaults(), CatalogEndpoints.none());

        assertThat(props).containsEntry("catalog-impl", "org.apache.iceberg.aws.dynamodb.DynamoDbCatalog")
                .containsEntry("dynamodb.table-name", "my_tables")
                .doesNotContainKeys("dynamodb.endpoint", "s3.endpoint", "client.region",
                        "client.credentials-provider");
    }

    @Test
    void theDynamoDbEndpointIsTheCatalogsOnlyForDynamoDb(@TempDir Path dir) {
        CatalogEndpoints endpoints = new CatalogEndpoints(null, STAND_IN);
        assertThat(IcebergCatalogs.properties(CatalogSpec.parse("dynamodb:catalog_t1"), S3_WAREHOUSE,
                StorageSettings.defaults(), endpoints)).containsEntry("dynamodb.endpoint", STAND_IN.toString());
        // The ledger's endpoint says nothing about where a SQLite catalog's files are.
        assertThat(IcebergCatalogs.properties(CatalogSpec.parse("sqlite"), LocalLocation.of(dir),
                StorageSettings.defaults(), endpoints)).doesNotContainKeys("dynamodb.endpoint", "client.region");
    }

    @Test
    void aRestCatalogIsNamedByItsUrl() {
        assertThat(IcebergCatalogs.properties(CatalogSpec.parse("rest:http://127.0.0.1:8181/api"), S3_WAREHOUSE,
                StorageSettings.defaults(), CatalogEndpoints.none()))
                .containsEntry("catalog-impl", "org.apache.iceberg.rest.RESTCatalog")
                .containsEntry("uri", "http://127.0.0.1:8181/api");
    }

    @Test
    void aGlueEndpointNobodyAnswersIsAOneLineUserError() throws IOException {
        URI dead = deadEndpoint();
        userError(() -> IcebergCatalogs.open(CatalogSpec.parse("glue"), S3_WAREHOUSE, StorageSettings.defaults(),
                new CatalogEndpoints(dead, null)), "cannot use --catalog glue at " + dead + ": ");
    }

    @Test
    void aDynamoDbEndpointNobodyAnswersIsAOneLineUserError() throws IOException {
        URI dead = deadEndpoint();
        userError(() -> IcebergCatalogs.open(CatalogSpec.parse("dynamodb:catalog_t1"), S3_WAREHOUSE,
                StorageSettings.defaults(), new CatalogEndpoints(null, dead)),
                "cannot use --catalog dynamodb:catalog_t1 at " + dead + ": ");
    }

    @Test
    void aRestUrlNobodyAnswersIsAOneLineUserError(@TempDir Path dir) throws IOException {
        URI dead = deadEndpoint();
        userError(() -> IcebergCatalogs.open(CatalogSpec.parse("rest:" + dead), LocalLocation.of(dir),
                StorageSettings.defaults(), CatalogEndpoints.none()), "cannot use --catalog rest:" + dead + ": ");
    }

    @Test
    void aDynamoDbCatalogWithoutItsTableIsAUserError() {
        userError(() -> IcebergCatalogs.properties(new CatalogSpec(CatalogSpec.Kind.DYNAMODB, null), S3_WAREHOUSE,
                StorageSettings.defaults(), CatalogEndpoints.none()), "--catalog dynamodb needs the DynamoDB table");
    }

    private static void userError(Runnable open, String start) {
        long began = System.nanoTime();
        MongoLatestException e = catchThrowableOfType(MongoLatestException.class, open::run);
        assertThat(e).as("a user error").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.USER);
        assertThat(e.getMessage()).startsWith(start).doesNotContain("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
    }

    /** A port of this machine that was free a moment ago: nothing answers there. */
    private static URI deadEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }
}
