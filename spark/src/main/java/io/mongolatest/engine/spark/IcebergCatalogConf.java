package io.mongolatest.engine.spark;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.SparkSession;

import io.mongolatest.tables.CatalogSpec;

/**
 * Makes a warehouse's Iceberg catalog known to one Spark session as {@value CatalogSpec#NAME}, through Iceberg's
 * {@code org.apache.iceberg.spark.SparkCatalog}, from the properties the table store opens it with
 * ({@code TableStore.catalogProperties()}). The settings are the session's own: Spark loads a catalog from its
 * session's settings on first use and keeps it for the session, so sessions of one process (one per warehouse) each
 * have their catalog.
 */
final class IcebergCatalogConf {
    /** The session setting that names the catalog's class; its properties are {@code <this>.<property>}. */
    static final String KEY = "spark.sql.catalog." + CatalogSpec.NAME;
    static final String SPARK_CATALOG = "org.apache.iceberg.spark.SparkCatalog";

    private IcebergCatalogConf() {
    }

    /**
     * Gives {@code session} the catalog. Iceberg's Spark catalog keeps the tables it loaded for a while by default;
     * here it does not, since the tables are committed elsewhere (the core's own catalog, another process) and a
     * snapshot committed there must be readable at once.
     */
    static void configure(SparkSession session, Map<String, String> catalogProperties) {
        requireNonNull(session, "session is null");
        Map<String, String> conf = settings(catalogProperties);
        if (session.sessionState().catalogManager().isCatalogRegistered(CatalogSpec.NAME)) {
            // Spark would go on using the catalog it loaded: new settings would silently not apply.
            boolean same = conf.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(session.conf().get(e.getKey(), null)));
            if (!same) {
                throw new IllegalStateException("this Spark session already uses catalog " + CatalogSpec.NAME
                        + " of other settings");
            }
            return;
        }
        conf.forEach((k, v) -> session.conf().set(k, v));
    }

    /** The session settings for {@code catalogProperties}, by Spark's names. */
    static Map<String, String> settings(Map<String, String> catalogProperties) {
        requireNonNull(catalogProperties, "catalogProperties is null");
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put(KEY, SPARK_CATALOG);
        catalogProperties.forEach((k, v) -> conf.put(KEY + "." + k, v));
        conf.put(KEY + ".cache-enabled", "false");
        return conf;
    }
}
