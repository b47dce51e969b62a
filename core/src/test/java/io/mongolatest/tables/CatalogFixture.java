package io.mongolatest.tables;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;

import io.mongolatest.aws.MotoServer;
import io.mongolatest.ledger.DynaliteServer;
import io.mongolatest.storage.FileArea;
import io.mongolatest.storage.LocalLocation;
import io.mongolatest.storage.Location;
import io.mongolatest.storage.StorageSettings;
import io.mongolatest.storage.local.LocalFileArea;
import io.mongolatest.storage.s3.S3FileArea;
import io.mongolatest.storage.s3.S3Location;
import io.mongolatest.storage.s3.S3ProxyServer;
import io.mongolatest.tables.iceberg.IcebergCatalogs;
import io.mongolatest.tables.iceberg.IcebergTableStore;
import io.mongolatest.tables.iceberg.OpenCatalog;

/**
 * One catalog and warehouse the tests can start, given as the product is given them: {@code --catalog},
 * {@code --warehouse}, the S3 endpoint and the catalog endpoints. Each has names of its own (a fresh folder,
 * bucket, DynamoDB table or REST catalog), so fixtures on shared servers do not meet. A warehouse on s3proxy
 * needs its credentials where the SDK looks: they are put in the {@code aws.*} system properties until
 * {@link #close}, which also stops what the fixture started (the REST catalog).
 *
 * <pre>{@code
 * @ExtendWith({S3ProxyExtension.class, MotoExtension.class})
 * final class GlueSomethingTest {
 *     GlueSomethingTest(S3ProxyServer s3, MotoServer moto, @TempDir Path dir) {
 *         fixture = CatalogFixture.glue(moto, s3);
 *     }
 * }
 * }</pre>
 */
public final class CatalogFixture implements AutoCloseable {
    private final String name;
    private final CatalogSpec spec;
    private final Location warehouse;
    private final StorageSettings storage;
    private final CatalogEndpoints endpoints;
    private final S3ProxyServer s3;
    private final List<AutoCloseable> resources;

    private CatalogFixture(String name, CatalogSpec spec, Location warehouse, StorageSettings storage,
            CatalogEndpoints endpoints, S3ProxyServer s3, List<AutoCloseable> resources) {
        this.name = name;
        this.spec = requireNonNull(spec);
        this.warehouse = requireNonNull(warehouse);
        this.storage = requireNonNull(storage);
        this.endpoints = requireNonNull(endpoints);
        this.s3 = s3;
        this.resources = resources;
    }

    /** The embedded default: {@code --catalog sqlite}, the catalog file inside the local warehouse {@code dir}. */
    public static CatalogFixture sqliteLocal(Path dir) {
        return new CatalogFixture("sqlite, local", CatalogSpec.parse("sqlite"), LocalLocation.of(dir.resolve("wh")),
                StorageSettings.defaults(), CatalogEndpoints.none(), null, new ArrayList<>());
    }

    /** {@code --catalog sqlite:PATH} (a file in {@code dir}) with a warehouse in a new s3proxy bucket. */
    public static CatalogFixture sqliteOnS3(Path dir, S3ProxyServer s3) {
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(s3.credentialsInSystemProperties());
        return new CatalogFixture("sqlite:PATH, S3", CatalogSpec.parse("sqlite:" + dir.resolve("catalog.db")),
                s3.createBucket().resolve("wh"), StorageSettings.of(s3.endpoint().toString()),
                CatalogEndpoints.none(), s3, resources);
    }

    /** {@code --catalog dynamodb:TABLE} on dynalite (a new table) with a warehouse in a new s3proxy bucket. */
    public static CatalogFixture dynamoDb(DynaliteServer dynamo, S3ProxyServer s3) {
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(s3.credentialsInSystemProperties());
        String table = "iceberg_" + Long.toUnsignedString(System.nanoTime(), 36);
        return new CatalogFixture("dynamodb, S3", CatalogSpec.parse("dynamodb:" + table),
                s3.createBucket().resolve("wh"), StorageSettings.of(s3.endpoint().toString()),
                new CatalogEndpoints(null, dynamo.endpoint()), s3, resources);
    }

    /** {@code --catalog glue} on moto with a warehouse in a new s3proxy bucket; databases are moto's, shared. */
    public static CatalogFixture glue(MotoServer moto, S3ProxyServer s3) {
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(s3.credentialsInSystemProperties());
        return new CatalogFixture("glue, S3", CatalogSpec.parse("glue"), s3.createBucket().resolve("wh"),
                StorageSettings.of(s3.endpoint().toString()), new CatalogEndpoints(moto.endpoint(), null), s3,
                resources).withProperties(MOTO_GLUE_LOCK);
    }

    /**
     * moto's Glue (5.2.1) ignores the {@code VersionId} Iceberg's Glue catalog commits with, which AWS Glue checks;
     * Iceberg's in-process lock (one lock table for the whole JVM) makes its check of the table's metadata location
     * and the update one step again, as AWS Glue's own check does, for writers in this JVM.
     */
    private static final Map<String, String> MOTO_GLUE_LOCK = Map.of(CatalogProperties.LOCK_IMPL,
            JvmLockManager.class.getName());

    private Map<String, String> extra = Map.of();

    private CatalogFixture withProperties(Map<String, String> properties) {
        this.extra = Map.copyOf(properties);
        return this;
    }

    /** {@code --catalog rest:URL}: a new REST catalog in this JVM over a SQLite catalog in {@code dir}. */
    public static CatalogFixture restLocal(Path dir) {
        LocalLocation warehouse = LocalLocation.of(dir.resolve("wh"));
        return rest("rest, local", dir, warehouse, StorageSettings.defaults(), null, new ArrayList<>());
    }

    /** {@code --catalog rest:URL} over a SQLite catalog in {@code dir}, with a warehouse in a new s3proxy bucket. */
    public static CatalogFixture restOnS3(Path dir, S3ProxyServer s3) {
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(s3.credentialsInSystemProperties());
        return rest("rest, S3", dir, s3.createBucket().resolve("wh"), StorageSettings.of(s3.endpoint().toString()),
                s3, resources);
    }

    private static CatalogFixture rest(String name, Path dir, Location warehouse, StorageSettings storage,
            S3ProxyServer s3, List<AutoCloseable> resources) {
        Map<String, String> backend = IcebergCatalogs.properties(
                CatalogSpec.parse("sqlite:" + dir.resolve("rest-backend.db")), warehouse, storage,
                CatalogEndpoints.none());
        RestCatalogServer server = RestCatalogServer.start(backend);
        resources.add(server);
        return new CatalogFixture(name, CatalogSpec.parse("rest:" + server.uri()), warehouse, storage,
                CatalogEndpoints.none(), s3, resources);
    }

    public CatalogSpec spec() {
        return spec;
    }

    public Location warehouse() {
        return warehouse;
    }

    public StorageSettings storage() {
        return storage;
    }

    public CatalogEndpoints endpoints() {
        return endpoints;
    }

    /** A new instance of the catalog, as the product opens it; the caller closes it. */
    public OpenCatalog open() {
        if (extra.isEmpty()) {
            return IcebergCatalogs.open(spec, warehouse, storage, endpoints);
        }
        Map<String, String> props = new java.util.LinkedHashMap<>(IcebergCatalogs.properties(spec, warehouse, storage,
                endpoints));
        props.putAll(extra);
        return new OpenCatalog(CatalogUtil.buildIcebergCatalog(CatalogSpec.NAME, props, null), props);
    }

    /**
     * A table store on this catalog and warehouse, as the product opens one, with its plain files beside the
     * tables ({@code tempDir}: where S3 uploads wait); the caller closes it.
     */
    public TableStore openStore(Path tempDir) {
        FileArea files = warehouse instanceof S3Location root ? new S3FileArea(s3.objects(), root, tempDir)
                : new LocalFileArea(((LocalLocation) warehouse).path());
        return new IcebergTableStore(warehouse, spec, open(), files);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("cannot close " + this, e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return name + " (" + spec + ", " + warehouse + ")";
    }
}
