package io.mongolatest.tables.iceberg;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.aws.AwsProperties;
import org.apache.iceberg.aws.HttpClientProperties;
import org.apache.iceberg.aws.dynamodb.DynamoDbCatalog;
import org.apache.iceberg.aws.glue.GlueCatalog;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.RESTException;
import org.apache.iceberg.rest.RESTCatalog;

import io.mongolatest.MongoLatestException;
import io.mongolatest.aws.LocalEndpointCredentials;
import io.mongolatest.aws.LocalEndpoints;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.tables.CatalogEndpoints;
import io.mongolatest.tables.CatalogSpec;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Opens the Iceberg catalog a {@link CatalogSpec} names, for a warehouse, by Iceberg's own catalog properties:
 * the same map configures Spark's Iceberg catalog, so it holds no secret. AWS clients (S3 files, Glue, DynamoDB)
 * behind an endpoint get the region and credentials the product's own clients get there
 * ({@link LocalEndpoints}); on AWS itself Iceberg's defaults, the SDK's default chains.
 */
public final class IcebergCatalogs {
    // As the product's S3 clients: an unreachable endpoint fails in seconds, a stalled call on the socket timeout.
    private static final String CONNECT_TIMEOUT_MS = "2000";
    private static final String SOCKET_TIMEOUT_MS = "30000";
    // What {@link #open} asks a Glue catalog to show that it answers; absent is a fine answer.
    private static final Namespace PROBE = Namespace.of("mongo_latest_probe");

    private IcebergCatalogs() {
    }

    /**
     * The catalog of {@code spec} for {@code warehouse}, checked to answer: an endpoint that cannot be reached, or
     * missing credentials for an S3 store behind an endpoint, is a one-line user error before anything is written.
     */
    public static OpenCatalog open(CatalogSpec spec, Location warehouse, StorageSettings storage,
            CatalogEndpoints endpoints) {
        Map<String, String> props = properties(spec, warehouse, storage, endpoints);
        if (warehouse instanceof S3Location && storage.s3Endpoint() != null) {
            requireCredentials("S3 at " + storage.s3Endpoint());
        }
        if (spec.kind() == CatalogSpec.Kind.SQLITE) {
            createFolderOf(sqliteFile(spec, warehouse)); // SQLite creates the file, not its folder
        }
        Catalog catalog;
        try {
            // Glue and DynamoDB need no Hadoop configuration; Spark passes its own when it opens the same map.
            catalog = CatalogUtil.buildIcebergCatalog(CatalogSpec.NAME, props, null);
        } catch (SdkException | RESTException e) {
            throw unreachable(spec, endpoints, e);
        }
        OpenCatalog open = new OpenCatalog(catalog, props);
        try {
            // DynamoDB and REST catalogs call their service when they start; Glue's is asked here.
            if (spec.kind() == CatalogSpec.Kind.GLUE) {
                ((SupportsNamespaces) catalog).namespaceExists(PROBE);
            }
            return open;
        } catch (SdkException | RESTException e) {
            open.close();
            throw unreachable(spec, endpoints, e);
        }
    }

    /** The properties of {@link #open}, by Iceberg's names. */
    public static Map<String, String> properties(CatalogSpec spec, Location warehouse, StorageSettings storage,
            CatalogEndpoints endpoints) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString());
        props.put(CatalogProperties.FILE_IO_IMPL, WarehouseFileIO.class.getName());
        switch (spec.kind()) {
            case SQLITE -> sqlite(props, sqliteFile(spec, warehouse));
            case GLUE -> {
                props.put(CatalogProperties.CATALOG_IMPL, GlueCatalog.class.getName());
                putIfGiven(props, AwsProperties.GLUE_CATALOG_ENDPOINT, endpoints.glue());
            }
            case DYNAMODB -> {
                if (spec.argument() == null || spec.argument().isBlank()) {
                    throw MongoLatestException.user("--catalog dynamodb needs the DynamoDB table: dynamodb:TABLE");
                }
                props.put(CatalogProperties.CATALOG_IMPL, DynamoDbCatalog.class.getName());
                props.put(AwsProperties.DYNAMODB_TABLE_NAME, spec.argument());
                putIfGiven(props, AwsProperties.DYNAMODB_ENDPOINT, endpoints.dynamoDb());
            }
            case REST -> {
                props.put(CatalogProperties.CATALOG_IMPL, RESTCatalog.class.getName());
                props.put(CatalogProperties.URI, spec.argument());
                props.put("rest.client.connection-timeout-ms", CONNECT_TIMEOUT_MS);
                props.put("rest.client.socket-timeout-ms", SOCKET_TIMEOUT_MS);
            }
        }
        if (storage.s3Endpoint() != null) {
            // S3-compatible stores seldom have a DNS name per bucket.
            props.put(S3FileIOProperties.ENDPOINT, storage.s3Endpoint().toString());
            props.put(S3FileIOProperties.PATH_STYLE_ACCESS, "true");
        }
        if (storage.s3Endpoint() != null || catalogEndpoint(spec, endpoints) != null) {
            // A stand-in: Iceberg's AWS clients (one setting for all of them) get the region and credentials the
            // product's own clients get there; the credentials by class name, found where the SDK looks.
            props.put(AwsClientProperties.CLIENT_REGION, LocalEndpoints.region().id());
            props.put(AwsClientProperties.CLIENT_CREDENTIALS_PROVIDER, LocalEndpointCredentials.class.getName());
        }
        if (spec.kind() == CatalogSpec.Kind.GLUE || spec.kind() == CatalogSpec.Kind.DYNAMODB
                || warehouse instanceof S3Location) {
            props.put(HttpClientProperties.APACHE_CONNECTION_TIMEOUT_MS, CONNECT_TIMEOUT_MS);
            props.put(HttpClientProperties.APACHE_SOCKET_TIMEOUT_MS, SOCKET_TIMEOUT_MS);
        }
        return props;
    }

    /** The SQLite catalog's file: the one given, else {@value CatalogSpec#SQLITE_FILE} inside a local warehouse. */
    public static Path sqliteFile(CatalogSpec spec, Location warehouse) {
        if (spec.argument() != null) {
            return Path.of(spec.argument()).toAbsolutePath().normalize();
        }
        if (warehouse instanceof LocalLocation local) {
            return local.path().resolve(CatalogSpec.SQLITE_FILE);
        }
        throw CatalogSpec.missingFor(warehouse);
    }

    private static void sqlite(Map<String, String> props, Path file) {
        props.put(CatalogProperties.CATALOG_IMPL, SqliteCatalog.class.getName());
        props.put(CatalogProperties.URI, "jdbc:sqlite:" + file);
        // WAL: readers never block the writer, and a writer in another process is waited for, not failed.
        props.put("jdbc.journal_mode", "WAL");
        props.put("jdbc.busy_timeout", "30000");
        // As the ledger's: a commit is not synced to disk on its own, only at checkpoints (a commit that ends a
        // process is kept; a power loss may undo the last ones, never tear the file). A sync per commit cost
        // 20-30 ms, and a run makes about 40 commits.
        props.put("jdbc.synchronous", "NORMAL");
        // V1 adds the catalog's record type (tables and views) to the V0 layout.
        props.put("jdbc.schema-version", "V1");
    }

    private static void putIfGiven(Map<String, String> props, String key, URI endpointOrNull) {
        if (endpointOrNull != null) {
            props.put(key, endpointOrNull.toString());
        }
    }

    /** The stand-in for the catalog's own service, if any. */
    private static URI catalogEndpoint(CatalogSpec spec, CatalogEndpoints endpoints) {
        return switch (spec.kind()) {
            case GLUE -> endpoints.glue();
            case DYNAMODB -> endpoints.dynamoDb();
            default -> null;
        };
    }

    private static void createFolderOf(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw MongoLatestException.user("cannot create the folder of the catalog " + file + ": " + e, e);
        }
    }

    private static void requireCredentials(String where) {
        try {
            LocalEndpoints.credentials().resolveCredentials();
        } catch (SdkException e) {
            throw MongoLatestException.user("no AWS credentials found for " + where + ": set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in ~/.aws/credentials", e);
        }
    }

    /** The first line of the message, with the root cause's when the message does not say it (REST's do not). */
    private static String why(Exception e) {
        String message = firstLine(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = firstLine(root);
        return root == e || message.contains(rootMessage) ? message : message + ": " + rootMessage;
    }

    private static String firstLine(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    private static MongoLatestException unreachable(CatalogSpec spec, CatalogEndpoints endpoints, Exception e) {
        URI endpoint = catalogEndpoint(spec, endpoints);
        String where = endpoint == null ? "" : " at " + endpoint;
        return MongoLatestException.user("cannot use --catalog " + spec + where + ": " + why(e), e);
    }
}
